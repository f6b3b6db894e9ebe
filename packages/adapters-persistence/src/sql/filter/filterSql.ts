import type { Filter } from '@audience-bridge/domain';

import type { Dialect, Fragment } from '../SqlExecutor.js';
import { compileFilter } from './compileFilter.js';
import { postgresLeaves } from './postgresLeaves.js';
import { sqliteLeaves } from './sqliteLeaves.js';

/** The SQL condition of a filter on `profiles p` for a dialect; `null` selects every profile. */
export function filterSql(dialect: Dialect, filter: Filter | null): Fragment {
  const leaves = dialect === 'sqlite' ? sqliteLeaves : postgresLeaves;

  return filter === null ? { sql: leaves.truth, params: [] } : compileFilter(filter, leaves);
}
