import { describe, expect, it } from 'vitest';

import {
  ManageWorkflows,
  RunExportWorkflow,
  type InMemoryPorts,
  type WorkflowDocument,
} from '../../src/index.js';
import { adultsToCrm, ims, local, stranger, world } from './world.js';

const exporter = (ports: InMemoryPorts) => new RunExportWorkflow({ ...ports, batchSize: 2 });

describe('running an export workflow', () => {
  it('exports profiles with an ID, ignores the rest, and passes on exactly the exported ones', async () => {
    const ports = await world();

    const run = await exporter(ports).execute(ims, { document: adultsToCrm });

    expect(run.ok && run.value.status).toBe('succeeded');
    const report = run.ok ? run.value.report : null;
    expect(report?.counts).toMatchObject({ input: 3, exported: 1, ignored: 2, alreadyPresent: 0 });
    expect(report?.activities).toEqual({ adults: 3, share: 1, keep: 1 });
    expect(report?.receipts).toHaveLength(1);
    const segment = (await ports.catalog.list()).find((item) => item.name === 'Adults');
    expect(segment?.dataSourceId).toBe(5002);
    expect(ports.uploads.deliveredTo(segment?.id ?? '')).toEqual(['C-1']);
    const list = (await ports.audiences.list('org-a', { offset: 0, limit: 10 }, 'list')).items[0];
    expect((await ports.audiences.members('org-a', list?.id ?? '', { offset: 0, limit: 10 })).items).toEqual([
      'p1',
    ]);
    const ignored = run.ok
      ? await ports.runs.records('org-a', run.value.id, { offset: 0, limit: 10 }, 'ignored')
      : null;
    expect(ignored?.items.map((r) => r.value).sort()).toEqual(['p3', 'p4']);
    expect(ignored?.items[0]?.reason).toBe('no ID for data source CRM');
  });

  it('sends nothing the second time: every targeted profile with an ID is already present', async () => {
    const ports = await world();
    const workflows = new ManageWorkflows(ports);
    const saved = await workflows.create(ims, adultsToCrm);
    const workflowId = saved.ok ? saved.value.id : '';
    await exporter(ports).execute(ims, { workflowId });

    const second = await exporter(ports).execute(ims, { workflowId });

    expect(second.ok && second.value.report?.counts).toMatchObject({
      input: 3,
      exported: 0,
      ignored: 2,
      alreadyPresent: 1,
    });
    expect(await ports.ledger.acceptedCount('org-a', '900001')).toBe(1);
  });

  it('accepts an upload a crashed run left staged once the service has it', async () => {
    const ports = await world();
    await ports.ledger.stage('org-a', '900001', 'upload-old', ['C-1']);
    ports.catalog.put({ id: '900001', name: 'Adults', kind: 'segment', dataSourceId: 5002, description: '' });
    const session = await ports.uploads.begin(
      { sharedAudienceId: '900001', dataSource: (await ports.dataSources.get('org-a', 'ds-crm'))! },
      'upload-old',
    );
    await session.add(['C-1']);
    await session.finish();

    const run = await exporter(ports).execute(ims, { document: adultsToCrm });

    expect(run.ok && run.value.report?.counts).toMatchObject({ exported: 0, alreadyPresent: 1 });
    expect(await ports.ledger.pending('org-a', '900001')).toEqual([]);
  });

  it('reconciles a file audience into profiles and records unmatched addresses', async () => {
    const ports = await world();
    const file = await ports.audiences.create('org-a', {
      id: 'aud-file',
      label: 'Decrypted',
      type: 'file',
      source: null,
      filter: null,
      createdBy: 'alice',
      createdAt: ports.clock.now(),
    });
    await ports.audiences.append('org-a', file.id, ['bob@x.io', 'who@x.io']);
    const document: WorkflowDocument = {
      name: 'Reconcile file',
      activities: [
        { id: 'read', type: 'readAudience', audienceId: 'aud-file' },
        { id: 'match', type: 'reconcile', input: 'read', key: 'email' },
        { id: 'save', type: 'saveAudience', input: 'match', audience: { label: 'Known', mode: 'append' } },
      ],
    };

    const run = await exporter(ports).execute(ims, { document });

    expect(run.ok && run.value.report?.activities).toEqual({ read: 2, match: 2, save: 2 });
    expect(run.ok && run.value.report?.counts.unreconciled).toBe(1);
    const records = run.ok ? await ports.runs.records('org-a', run.value.id, { offset: 0, limit: 10 }) : null;
    expect(records?.items).toEqual([
      { category: 'unreconciled', value: 'who@x.io', reason: 'no matching profile' },
    ]);
  });

  it('refuses a local principal, another organisation and an invalid workflow', async () => {
    const ports = await world();
    const saved = await new ManageWorkflows(ports).create(ims, adultsToCrm);
    const workflowId = saved.ok ? saved.value.id : '';

    const byKey = await exporter(ports).execute(local, { workflowId });
    const otherOrg = await exporter(ports).execute(stranger, { workflowId });
    const invalid = await exporter(ports).execute(ims, { document: { name: 'x', activities: [] } });

    expect(!byKey.ok && byKey.error.code).toBe('AUTH.IMS_REQUIRED');
    expect(!otherOrg.ok && otherOrg.error.code).toBe('NOT_FOUND');
    expect(!invalid.ok && invalid.error.code).toBe('WORKFLOW.INVALID');
  });
});
