import { describe, expect, it } from 'vitest';

import type { RunRepository } from '../../ports/RunRepository.js';
import { zeroCounts, type RunReport } from '../../runs/Run.js';
import { freshOrg, useFixture, type Closable } from './fixture.js';

const report: RunReport = {
  counts: { ...zeroCounts, input: 3, imported: 2, rejected: 1 },
  activities: { q: 3 },
  topReasons: [{ reason: 'bad hex', count: 1 }],
  receipts: ['r1'],
  durationMs: 12,
};

/** Proves a RunRepository: lifecycle, reports, filters, paging and records, scoped by organisation. */
export function runRepositoryContract(
  name: string,
  factory: () => Promise<{ repo: RunRepository } & Closable>,
): void {
  describe(`RunRepository contract: ${name}`, () => {
    const fixture = useFixture(factory);
    const draft = (
      id: string,
      minutes: number,
      kind: 'import' | 'export' = 'import',
      subjectId = 'aud-1',
    ) => ({
      id,
      kind,
      subjectId,
      startedBy: 'kit',
      startedAt: new Date(Date.UTC(2026, 0, 1, 0, minutes)),
    });

    it('queues, runs and finishes a run with its report or error', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      await repo.create(org, draft('run-a', 1));
      await repo.create(org, draft('run-b', 2));

      expect((await repo.get(org, 'run-a'))?.status).toBe('queued');
      await repo.markRunning(org, 'run-a');
      expect((await repo.get(org, 'run-a'))?.status).toBe('running');
      const done = await repo.finish(org, 'run-a', { report }, new Date(Date.UTC(2026, 0, 1, 1)));
      const failed = await repo.finish(
        org,
        'run-b',
        { error: 'PEOPLECORE.UNAVAILABLE: retry later', report: null },
        new Date(),
      );

      expect(done).toMatchObject({ status: 'succeeded', error: null, report });
      expect(done.finishedAt?.toISOString()).toBe('2026-01-01T01:00:00.000Z');
      expect(await repo.get(org, 'run-a')).toMatchObject({ status: 'succeeded', report });
      expect(failed).toMatchObject({
        status: 'failed',
        error: 'PEOPLECORE.UNAVAILABLE: retry later',
        report: null,
      });
      expect(await repo.get(freshOrg(), 'run-a')).toBeNull();
    });

    it('lists newest first, filtered by kind and subject, in pages', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      await repo.create(org, draft('r1', 1));
      await repo.create(org, draft('r2', 2, 'export', 'wf-1'));
      await repo.create(org, draft('r3', 3));
      await repo.create(org, draft('r4', 4, 'import', 'aud-2'));

      const all = await repo.list(org, { offset: 0, limit: 10 });
      const second = await repo.list(org, { offset: 1, limit: 2 });

      expect(all.items.map((r) => r.id)).toEqual(['r4', 'r3', 'r2', 'r1']);
      expect(second).toMatchObject({ total: 4, offset: 1, limit: 2 });
      expect(second.items.map((r) => r.id)).toEqual(['r3', 'r2']);
      expect(
        (await repo.list(org, { offset: 0, limit: 10 }, { kind: 'export' })).items.map((r) => r.id),
      ).toEqual(['r2']);
      expect(
        (await repo.list(org, { offset: 0, limit: 10 }, { subjectId: 'aud-1' })).items.map((r) => r.id),
      ).toEqual(['r3', 'r1']);
      expect((await repo.list(freshOrg(), { offset: 0, limit: 10 })).total).toBe(0);
    });

    it('keeps records in the order added, pages and filters them by category', async () => {
      const { repo } = fixture();
      const org = freshOrg();
      await repo.create(org, draft('run-r', 1));
      const records = Array.from({ length: 7 }, (_, i) => ({
        category: i % 2 === 0 ? ('rejected' as const) : ('unreconciled' as const),
        value: `id-${i}`,
        reason: i % 2 === 0 ? 'bad hex' : 'no matching profile',
      }));

      await repo.addRecords(org, 'run-r', records.slice(0, 4));
      await repo.addRecords(org, 'run-r', records.slice(4));

      expect(await repo.records(org, 'run-r', { offset: 2, limit: 3 })).toEqual({
        items: records.slice(2, 5),
        total: 7,
        offset: 2,
        limit: 3,
      });
      const rejected = await repo.records(org, 'run-r', { offset: 0, limit: 10 }, 'rejected');
      expect(rejected.items).toEqual(records.filter((r) => r.category === 'rejected'));
      expect((await repo.records(freshOrg(), 'run-r', { offset: 0, limit: 10 })).total).toBe(0);
    });
  });
}
