import { describe, expect, it } from 'vitest';

import type { AudienceDraft } from '../../audiences/Audience.js';
import type { AudienceRepository } from '../../ports/AudienceRepository.js';
import { collect, freshOrg, useFixture, type Closable } from './fixture.js';

let drafts = 0;

/** A list audience draft with a unique id. */
export const audienceDraft = (parts: Partial<AudienceDraft> = {}): AudienceDraft => {
  drafts += 1;

  return {
    id: `aud-kit-${Date.now().toString(36)}-${drafts}`,
    label: 'Kit audience',
    type: 'list',
    source: null,
    filter: null,
    createdBy: 'kit',
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    ...parts,
  };
};

/** Proves an AudienceRepository: org scoping, versioned replace (commit, abort, isolation), append, listing. */
export function audienceRepositoryContract(
  name: string,
  factory: () => Promise<{ repo: AudienceRepository } & Closable>,
): void {
  describe(`AudienceRepository contract: ${name}`, () => {
    const fixture = useFixture(factory);

    async function withMembers(org: string, members: string[]): Promise<string> {
      const { repo } = fixture();
      const { id } = await repo.create(org, audienceDraft());
      const replacement = await repo.beginReplace(org, id);
      await replacement.add(members);
      await replacement.commit();

      return id;
    }

    it('creates an empty audience at version 0 and hides it from other organisations', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const draft = audienceDraft({ label: 'Mine' });

      const created = await repo.create(org, draft);

      expect(created).toMatchObject({
        id: draft.id,
        label: 'Mine',
        version: 0,
        memberCount: 0,
        lastSyncedAt: null,
      });
      expect(await repo.get(org, draft.id)).toMatchObject({ id: draft.id });
      expect(await repo.get(freshOrg(), draft.id)).toBeNull();
      expect((await repo.list(freshOrg(), { offset: 0, limit: 10 })).total).toBe(0);
    });

    it('shows readers the old members until commit, then only the new ones', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const id = await withMembers(org, ['m01', 'm02', 'm03']);

      const replacement = await repo.beginReplace(org, id);
      await replacement.add(['m03', 'm04']);
      await replacement.add(['m05', 'm04']);
      const during = await repo.members(org, id, { offset: 0, limit: 10 });
      const outcome = await replacement.commit();
      const after = await repo.members(org, id, { offset: 0, limit: 10 });

      expect(during.items).toEqual(['m01', 'm02', 'm03']);
      expect(outcome).toEqual({ version: 2, count: 3 });
      expect(after).toMatchObject({ items: ['m03', 'm04', 'm05'], total: 3 });
      expect(await repo.get(org, id)).toMatchObject({ version: 2, memberCount: 3 });
    });

    it('keeps the previous members when a replacement is aborted', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const id = await withMembers(org, ['m01', 'm02']);

      const replacement = await repo.beginReplace(org, id);
      await replacement.add(['m09']);
      await replacement.abort();

      expect((await repo.members(org, id, { offset: 0, limit: 10 })).items).toEqual(['m01', 'm02']);
      expect(await repo.get(org, id)).toMatchObject({ version: 1, memberCount: 2 });
    });

    it('appends only new members and counts them', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const id = await withMembers(org, ['m01', 'm02']);

      const added = await repo.append(org, id, ['m02', 'm03', 'm03', 'm04']);

      expect(added).toBe(2);
      expect((await repo.members(org, id, { offset: 0, limit: 10 })).items).toEqual([
        'm01',
        'm02',
        'm03',
        'm04',
      ]);
      expect((await repo.get(org, id))?.memberCount).toBe(4);
    });

    it('pages and streams members in sorted order', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const members = Array.from({ length: 23 }, (_, i) => `m${String(i).padStart(3, '0')}`);
      const id = await withMembers(org, [...members].reverse());

      const page = await repo.members(org, id, { offset: 5, limit: 4 });
      const batches = await collect(repo.streamMembers(org, id, 10));

      expect(page).toMatchObject({ items: members.slice(5, 9), total: 23, offset: 5, limit: 4 });
      expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
      expect(batches.flat()).toEqual(members);
    });

    it('lists by type with paging, lists imported audiences, and records syncs', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      const source = {
        sharedAudienceId: 's1',
        dataSourceId: 'ds1',
        forceReconciliation: false,
        path: 'reconcile' as const,
      };
      const shared = await repo.create(org, audienceDraft({ type: 'shared', source }));
      for (let i = 0; i < 3; i += 1) await repo.create(org, audienceDraft());
      const at = new Date('2026-02-01T10:00:00.000Z');

      await repo.markSynced(org, shared.id, at);
      const pages = [
        await repo.list(org, { offset: 0, limit: 2 }),
        await repo.list(org, { offset: 2, limit: 2 }),
      ];

      expect(pages.map((p) => p.total)).toEqual([4, 4]);
      expect(new Set(pages.flatMap((p) => p.items.map((a) => a.id))).size).toBe(4);
      expect((await repo.list(org, { offset: 0, limit: 10 }, 'shared')).items.map((a) => a.id)).toEqual([
        shared.id,
      ]);
      expect(await repo.listImported()).toContainEqual({ org, audienceId: shared.id });
      expect((await repo.get(org, shared.id))?.lastSyncedAt?.toISOString()).toBe(at.toISOString());
      expect((await repo.get(org, shared.id))?.source).toEqual(source);
    });
  });
}
