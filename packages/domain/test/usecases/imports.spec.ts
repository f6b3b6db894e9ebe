import { describe, expect, it } from 'vitest';

import {
  CreateSharedAudienceImport,
  DomainError,
  SyncImportedAudience,
  type InMemoryPorts,
} from '../../src/index.js';
import { encrypted, ims, local, stranger, world } from './world.js';

const create = (ports: InMemoryPorts) => new CreateSharedAudienceImport(ports);
const sync = (ports: InMemoryPorts) =>
  new SyncImportedAudience({ ...ports, segments: ports.segments, batchSize: 2 });

async function importOf(ports: InMemoryPorts, dataSourceId: string, force: boolean): Promise<string> {
  const created = await create(ports).execute(ims, {
    label: 'Buyers',
    sharedAudienceId: '100',
    dataSourceId,
    forceReconciliation: force,
  });
  if (!created.ok) throw created.error;

  return created.value.id;
}

const members = async (ports: InMemoryPorts, id: string) =>
  (await ports.audiences.members('org-a', id, { offset: 0, limit: 100 })).items;

describe('importing a shared audience', () => {
  it('reconciles IDs with profiles and accounts for every ID', async () => {
    const ports = await world();
    const id = await importOf(ports, 'ds-crm', false);
    ports.segments.setMembers('100', ['C-1', 'C-2', 'C-1', 'C-404', ' ']);

    const run = await sync(ports).execute(ims, { audienceId: id });

    expect(run.ok && run.value.status).toBe('succeeded');
    const counts = run.ok ? run.value.report?.counts : undefined;
    expect(counts).toMatchObject({ input: 4, imported: 2, unreconciled: 1, rejected: 1, members: 2 });
    expect(await members(ports, id)).toEqual(['p1', 'p2']);
    const records = run.ok ? await ports.runs.records('org-a', run.value.id, { offset: 0, limit: 10 }) : null;
    expect(records?.items).toContainEqual({
      category: 'unreconciled',
      value: 'C-404',
      reason: 'no matching profile',
    });
    expect(records?.items.filter((r) => r.category === 'rejected')).toHaveLength(1);
    expect((await ports.audiences.get('org-a', id))?.lastSyncedAt).not.toBeNull();
  });

  it('imports every profile of an ambiguous ID and counts it as ambiguous', async () => {
    const ports = await world();
    const id = await importOf(ports, 'ds-email', true);
    ports.segments.setMembers('100', [encrypted('bob@x.io'), encrypted('ann@x.io'), 'zz-not-hex']);

    const run = await sync(ports).execute(ims, { audienceId: id });

    expect(run.ok && run.value.report?.counts).toMatchObject({
      input: 3,
      imported: 2,
      ambiguous: 1,
      rejected: 1,
      members: 3,
    });
    expect(await members(ports, id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('decrypts to a file audience holding every address once', async () => {
    const ports = await world();
    const id = await importOf(ports, 'ds-email', false);
    ports.segments.setMembers('100', [
      encrypted('nobody@x.io'),
      encrypted('Ann@X.io'),
      encrypted('ann@x.io'),
      'abc',
    ]);

    const run = await sync(ports).execute(ims, { audienceId: id });

    expect((await ports.audiences.get('org-a', id))?.type).toBe('file');
    expect(run.ok && run.value.report?.counts).toMatchObject({
      input: 4,
      imported: 3,
      rejected: 1,
      members: 2,
    });
    expect(await members(ports, id)).toEqual(['ann@x.io', 'nobody@x.io']);
  });

  it('replaces the members on each sync', async () => {
    const ports = await world();
    const id = await importOf(ports, 'ds-crm', false);
    ports.segments.setMembers('100', ['C-1']);
    await sync(ports).execute(ims, { audienceId: id });
    ports.segments.setMembers('100', ['C-2']);

    await sync(ports).execute(ims, { audienceId: id });

    expect(await members(ports, id)).toEqual(['p2']);
  });

  it('keeps the previous members and fails the run when the segment source fails mid-stream', async () => {
    const ports = await world();
    const id = await importOf(ports, 'ds-crm', false);
    ports.segments.setMembers('100', ['C-1']);
    await sync(ports).execute(ims, { audienceId: id });
    ports.segments.setMembers('100', ['C-2', 'C-1', 'C-3']);
    ports.segments.failWith(
      '100',
      new DomainError('PEOPLECORE.FILE_INVALID', 'control file does not match'),
      1,
    );

    const run = await sync(ports).execute(ims, { audienceId: id });

    expect(!run.ok && run.error.code).toBe('PEOPLECORE.FILE_INVALID');
    expect(await members(ports, id)).toEqual(['p1']);
    const [latest] = (await ports.runs.list('org-a', { offset: 0, limit: 1 })).items;
    expect(latest).toMatchObject({ status: 'failed' });
    expect(latest?.error).toMatch(/^PEOPLECORE\.FILE_INVALID: /);
  });

  it('turns an unexpected adapter error into a failed run with a one-line reason', async () => {
    const ports = await world();
    const id = await importOf(ports, 'ds-email', false);
    ports.segments.failWith('100', new Error('socket hang up\n    at stack'));

    const run = await sync(ports).execute(ims, { audienceId: id });

    expect(!run.ok && run.error.code).toBe('RUN.FAILED');
    expect((await ports.runs.list('org-a', { offset: 0, limit: 1 })).items[0]?.error).not.toContain('\n');
  });

  it('refuses force on an unencrypted source, a trait, a local principal and another org', async () => {
    const ports = await world();
    const input = { label: 'X', sharedAudienceId: '100', dataSourceId: 'ds-crm', forceReconciliation: true };

    const forced = await create(ports).execute(ims, input);
    const trait = await create(ports).execute(ims, {
      ...input,
      sharedAudienceId: '200',
      forceReconciliation: false,
    });
    const byKey = await create(ports).execute(local, { ...input, forceReconciliation: false });
    const otherOrg = await create(ports).execute(stranger, { ...input, forceReconciliation: false });
    const id = await importOf(ports, 'ds-crm', false);
    const syncByKey = await sync(ports).execute(local, { audienceId: id });
    const syncOtherOrg = await sync(ports).execute(stranger, { audienceId: id });

    expect(!forced.ok && forced.error.code).toBe('DATASOURCE.FORCE_NOT_ALLOWED');
    expect(!trait.ok && trait.error.code).toBe('AUDIENCE.NOT_IMPORTABLE');
    expect(!byKey.ok && byKey.error.code).toBe('AUTH.IMS_REQUIRED');
    expect(!otherOrg.ok && otherOrg.error.code).toBe('NOT_FOUND');
    expect(!syncByKey.ok && syncByKey.error.code).toBe('AUTH.IMS_REQUIRED');
    expect(!syncOtherOrg.ok && syncOtherOrg.error.code).toBe('NOT_FOUND');
  });
});
