import type { AudienceRepository } from '@audience-bridge/domain';

import { BENCH_ORG } from './synthetic.js';

/** Creates a shared audience without a source, for scenarios that drive the reconciliation store directly. */
export async function createBareAudience(audiences: AudienceRepository, id: string): Promise<string> {
  await audiences.create(BENCH_ORG, {
    id,
    label: id,
    type: 'shared',
    source: null,
    filter: null,
    createdBy: 'bench',
    createdAt: new Date(),
  });

  return id;
}
