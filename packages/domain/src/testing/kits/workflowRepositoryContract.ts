import { describe, expect, it } from 'vitest';

import type { WorkflowRepository } from '../../ports/WorkflowRepository.js';
import type { WorkflowDocument } from '../../workflows/WorkflowDocument.js';
import { freshOrg, useFixture, type Closable } from './fixture.js';

const document: WorkflowDocument = {
  name: 'Adults',
  activities: [{ id: 'q', type: 'query', filter: { field: 'attributes.age', op: 'gte', value: 18 } }],
};

/** Proves a WorkflowRepository: documents round-trip, versions bump on update, orgs are apart. */
export function workflowRepositoryContract(
  name: string,
  factory: () => Promise<{ repo: WorkflowRepository } & Closable>,
): void {
  describe(`WorkflowRepository contract: ${name}`, () => {
    const fixture = useFixture(factory);
    const created = new Date('2026-01-01T00:00:00.000Z');

    it('creates at version 1 and bumps the version on every update', async () => {
      const { repo } = fixture();
      const org = freshOrg();

      const saved = await repo.create(org, {
        id: 'wf-1',
        name: 'Adults',
        document,
        createdBy: 'alice',
        createdAt: created,
      });
      const renamed = { ...document, name: 'Grown-ups' };
      const updated = await repo.update(org, 'wf-1', renamed, 'bob', new Date('2026-01-02T00:00:00.000Z'));
      const again = await repo.update(org, 'wf-1', renamed, 'bob', new Date('2026-01-03T00:00:00.000Z'));

      expect(saved).toMatchObject({
        id: 'wf-1',
        version: 1,
        createdBy: 'alice',
        updatedBy: 'alice',
        document,
      });
      expect(updated).toMatchObject({
        version: 2,
        updatedBy: 'bob',
        name: 'Grown-ups',
        document: renamed,
        createdBy: 'alice',
      });
      expect(again?.version).toBe(3);
      expect((await repo.get(org, 'wf-1'))?.updatedAt.toISOString()).toBe('2026-01-03T00:00:00.000Z');
      expect(await repo.update(org, 'missing', document, 'bob', created)).toBeNull();
    });

    it('lists in pages, deletes, and keeps organisations apart', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      for (const id of ['wf-a', 'wf-b', 'wf-c'])
        await repo.create(org, { id, name: id, document, createdBy: 'a', createdAt: created });

      const page = await repo.list(org, { offset: 1, limit: 1 });

      expect(page).toMatchObject({ total: 3, offset: 1, limit: 1 });
      expect(page.items).toHaveLength(1);
      expect(await repo.get(freshOrg(), 'wf-a')).toBeNull();
      expect(await repo.delete(freshOrg(), 'wf-a')).toBe(false);
      expect(await repo.delete(org, 'wf-a')).toBe(true);
      expect(await repo.get(org, 'wf-a')).toBeNull();
      expect((await repo.list(org, { offset: 0, limit: 10 })).total).toBe(2);
    });
  });
}
