import { describe, expect, it } from 'vitest';

import {
  CreateSharedAudienceImport,
  EstimateWorkflow,
  ListSharedAudiences,
  RunExportWorkflow,
} from '../../src/index.js';
import { adultsToCrm, crmSource, ims, stranger, world } from './world.js';

// The People core account belongs to org-a: org-b principals must not see or use its shared audiences.
const account = { peopleCoreOrg: 'org-a' };

describe('the People core account serves its own organisation only', () => {
  it('shows its catalog to its organisation and an empty one to any other', async () => {
    const ports = await world();
    const list = new ListSharedAudiences({ ...ports, ...account });

    const mine = await list.execute(ims);
    const theirs = await list.execute(stranger);

    expect(mine.ok && mine.value.length).toBeGreaterThan(0);
    expect(theirs.ok && theirs.value).toEqual([]);
  });

  it('refuses another organisation an import of its segments, as if they did not exist', async () => {
    const ports = await world();
    await ports.dataSources.add('org-b', crmSource);
    const segment = (await ports.catalog.list()).find((item) => item.kind === 'segment')!;

    const created = await new CreateSharedAudienceImport({ ...ports, ...account }).execute(stranger, {
      label: 'Borrowed',
      sharedAudienceId: segment.id,
      dataSourceId: crmSource.id,
      forceReconciliation: false,
    });

    expect(!created.ok && created.error.code).toBe('NOT_FOUND');
  });

  it('refuses another organisation an export into its People core account, and uploads nothing', async () => {
    const ports = await world();
    await ports.dataSources.add('org-b', crmSource);
    const segmentsBefore = (await ports.catalog.list()).length;

    const run = await new RunExportWorkflow({ ...ports, ...account }).execute(stranger, {
      document: adultsToCrm,
    });
    const estimate = await new EstimateWorkflow({ ...ports, ...account }).execute(stranger, adultsToCrm);
    const own = await new RunExportWorkflow({ ...ports, ...account }).execute(ims, { document: adultsToCrm });

    expect(!run.ok && run.error.code).toBe('NOT_FOUND');
    expect(!estimate.ok && estimate.error.code).toBe('NOT_FOUND');
    expect((await ports.catalog.list()).length).toBe(segmentsBefore + 1);
    expect(own.ok && own.value.status).toBe('succeeded');
  });
});
