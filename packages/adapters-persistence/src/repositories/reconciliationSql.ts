/**
 * The one join of a session's staged IDs against `profile_keys`, writing the distinct matched profiles'
 * keys as the new member generation. `cross join` keeps SQLite's staged rows outermost (one index probe
 * each) whatever its statistics; nothing is materialised between the join and the members.
 */
export const WRITE_MEMBERS =
  'insert into audience_members (org, audience_id, generation, member) ' +
  'select distinct cast(? as text), cast(? as text), cast(? as integer), p.key ' +
  'from reconciliation_staging s cross join profile_keys k join profiles p on p.id = k.profile_id ' +
  'where s.org = ? and s.session_id = ? and k.org = s.org and k.field = s.field and k.value = s.value';

/** How many profiles one staged ID matches: one index range count on `profile_keys`. */
const MATCH_COUNT =
  '(select count(*) from profile_keys k where k.org = s.org and k.field = s.field and k.value = s.value)';

/** The session's counts in one pass over the staged IDs: staged, reconciled (≥ 1 profile), ambiguous (> 1). */
export const COUNT_OUTCOME =
  'select count(*) as staged, coalesce(sum(case when m > 0 then 1 else 0 end), 0) as reconciled, ' +
  'coalesce(sum(case when m > 1 then 1 else 0 end), 0) as ambiguous ' +
  `from (select ${MATCH_COUNT} as m from reconciliation_staging s where s.org = ? and s.session_id = ?) counted`;

/** One keyset page of staged raw IDs, in raw order, whose match count passes the condition. */
const pageWhere =
  (condition: string) =>
  (after: boolean): string =>
    'select s.raw from reconciliation_staging s where s.org = ? and s.session_id = ?' +
    `${after ? ' and s.raw > ?' : ''} and ${condition} order by s.raw limit ?`;

/** Staged raw IDs that matched nothing. */
export const unmatchedPage = pageWhere(
  'not exists (select 1 from profile_keys k where k.org = s.org and k.field = s.field and k.value = s.value)',
);

/** Staged raw IDs that matched several profiles. */
export const ambiguousPage = pageWhere(`${MATCH_COUNT} > 1`);
