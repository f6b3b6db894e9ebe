import { describe, expect, it } from 'vitest';

import { EstimateWorkflow, RunExportWorkflow, type InMemoryPorts } from '../../src/index.js';
import { adultsToCrm, ims, stranger, world } from './world.js';

const estimator = (ports: InMemoryPorts) => new EstimateWorkflow({ ...ports, batchSize: 2 });

describe('estimating a workflow (dry run)', () => {
  it('gives the counts a start would give, and writes nothing', async () => {
    const ports = await world();
    const segmentsBefore = (await ports.catalog.list()).length;

    const estimate = await estimator(ports).execute(ims, adultsToCrm);

    expect(estimate.ok && estimate.value.activities).toEqual({ adults: 3, share: 1, keep: 1 });
    expect((await ports.catalog.list()).length).toBe(segmentsBefore);
    expect((await ports.audiences.list('org-a', { offset: 0, limit: 10 }, 'list')).total).toBe(0);
    expect((await ports.runs.list('org-a', { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('counts nothing to send once the population was exported', async () => {
    const ports = await world();
    await new RunExportWorkflow({ ...ports, batchSize: 2 }).execute(ims, { document: adultsToCrm });

    const estimate = await estimator(ports).execute(ims, adultsToCrm);

    expect(estimate.ok && estimate.value.activities).toEqual({ adults: 3, share: 0, keep: 0 });
  });

  it('lists the problems of an invalid workflow', async () => {
    const ports = await world();

    const estimate = await estimator(ports).execute(ims, {
      name: 'broken',
      activities: [{ id: 'a', type: 'union', inputs: ['x', 'y'] }],
    });

    expect(!estimate.ok && estimate.error.code).toBe('WORKFLOW.INVALID');
  });

  it('sees only the principal organisation', async () => {
    const ports = await world();

    const estimate = await estimator(ports).execute(stranger, adultsToCrm);

    expect(!estimate.ok && estimate.error.code).toBe('NOT_FOUND');
  });
});
