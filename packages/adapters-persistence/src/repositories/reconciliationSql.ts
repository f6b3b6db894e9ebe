import type { StagingArea } from './StagingArea.js';

/** SQL of a reconciliation session, for its staging area; `?` parameters are listed beside each. */
export interface ReconciliationSql {
  /** The one join writing the distinct matched profiles' keys as a member generation. */
  readonly writeMembers: string;
  /** Counts in one pass: staged, reconciled (≥ 1 profile), ambiguous (> 1 profile). */
  readonly countOutcome: string;
  unmatchedPage(after: boolean): string;
  ambiguousPage(after: boolean): string;
}

/** How many profiles one staged ID matches: one index range count on `profile_keys` (org bound first). */
const MATCH_COUNT =
  '(select count(*) from profile_keys k where k.org = ? and k.field = s.field and k.value = s.value)';

/**
 * Parameters, in order — writeMembers: org, audience, generation, org, …scope; countOutcome: org, …scope;
 * pages: org, …scope, [after], limit. `cross join` keeps SQLite's staged rows outermost (one index probe
 * each) whatever its statistics, and nothing is materialised between the join and the members.
 */
export function reconciliationSql(area: StagingArea): ReconciliationSql {
  const from = `from ${area.table} s`;
  const page =
    (condition: string) =>
    (after: boolean): string =>
      `select s.raw ${from} where ${condition} and ${area.scope}${after ? ' and s.raw > ?' : ''} order by s.raw limit ?`;

  return {
    writeMembers:
      'insert into audience_members (org, audience_id, generation, member) ' +
      'select distinct cast(? as text), cast(? as text), cast(? as integer), p.key ' +
      `${from} cross join profile_keys k join profiles p on p.id = k.profile_id ` +
      `where k.org = ? and ${area.scope} and k.field = s.field and k.value = s.value`,
    countOutcome:
      'select count(*) as staged, coalesce(sum(case when m > 0 then 1 else 0 end), 0) as reconciled, ' +
      'coalesce(sum(case when m > 1 then 1 else 0 end), 0) as ambiguous ' +
      `from (select ${MATCH_COUNT} as m ${from} where ${area.scope}) counted`,
    unmatchedPage: page(
      'not exists (select 1 from profile_keys k where k.org = ? and k.field = s.field and k.value = s.value)',
    ),
    ambiguousPage: page(`${MATCH_COUNT} > 1`),
  };
}
