import type { Result } from '@audience-bridge/domain';

import type { AppContext } from '../../composition/openAppContext.js';
import type { RunStarter } from '../../jobs/RunStarter.js';

/** What every resource's routes are given. */
export interface RouteDeps {
  readonly context: AppContext;
  readonly runs: RunStarter;
  /** Largest profiles body accepted, in bytes. */
  readonly profilesBodyLimit: number;
}

/** The value of a successful result; a failure is thrown for the error handler to map. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;

  return result.value;
}
