import { createPeopleCore } from '@audience-bridge/adapters-peoplecore';

import type { AppContext } from '../composition/openAppContext.js';
import { peopleCoreSettings } from '../composition/peopleCoreSettings.js';

export type CheckOutcome = 'ok' | 'failed' | 'timeout';

/** What `/ready` reports: each dependency's check. */
export interface Readiness {
  readonly database: CheckOutcome;
  readonly peopleCore: CheckOutcome;
}

/** Settles within `ms`: the check's outcome, or `timeout`. */
async function within(ms: number, check: () => Promise<unknown>): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, ms);
  });
  const outcome = check().then(
    (): CheckOutcome => 'ok',
    (): CheckOutcome => 'failed',
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks that the database answers a query and that People core's IMS gives a token (the same
 * credentials the jobs use), each within a short timeout.
 */
export function readinessCheck(context: AppContext, timeoutMs = 2_000): () => Promise<Readiness> {
  const ims = createPeopleCore(peopleCoreSettings(context.config, context.emulator)).ims;

  return async () => {
    const [database, peopleCore] = await Promise.all([
      within(timeoutMs, () => context.ports.runs.list('readiness-probe', { offset: 0, limit: 1 })),
      within(timeoutMs, () => ims.token()),
    ]);

    return { database, peopleCore };
  };
}
