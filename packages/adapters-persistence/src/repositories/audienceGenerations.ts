import { DomainError, type OrgId } from '@audience-bridge/domain';

import type { SqlExecutor } from '../sql/SqlExecutor.js';
import { readCount } from '../sql/values.js';

/** The generation of stored member rows that readers of an audience see, or `null` when the audience is unknown. */
export async function currentGeneration(
  sql: SqlExecutor,
  org: OrgId,
  audienceId: string,
): Promise<number | null> {
  const row = await sql.one<{ generation: unknown }>(
    'select generation from audiences where org = ? and id = ?',
    [org, audienceId],
  );

  return row === null ? null : readCount(row.generation);
}

/** Reserves a fresh generation for a new member set; rows written under it stay invisible until switched to. */
export async function reserveGeneration(sql: SqlExecutor, org: OrgId, audienceId: string): Promise<number> {
  const changed = await sql.run(
    'update audiences set last_generation = last_generation + 1 where org = ? and id = ?',
    [org, audienceId],
  );
  if (changed === 0) throw DomainError.notFound('audience', audienceId);

  const row = await sql.one<{ g: unknown }>(
    'select last_generation as g from audiences where org = ? and id = ?',
    [org, audienceId],
  );

  return readCount(row?.g);
}

/** What a switch did: the new public version and member count, and the generation it replaced. */
export interface GenerationSwitch {
  readonly version: number;
  readonly count: number;
  readonly previous: number;
}

/** How many member rows a generation holds. */
async function countMembers(
  sql: SqlExecutor,
  org: OrgId,
  audienceId: string,
  generation: number,
): Promise<number> {
  const counted = await sql.one<{ n: unknown }>(
    'select count(*) as n from audience_members where org = ? and audience_id = ? and generation = ?',
    [org, audienceId, generation],
  );

  return readCount(counted?.n);
}

/**
 * Makes `generation` the audience's current member set and bumps its version; run inside the transaction
 * that wrote the members, so readers see either the old set or the new one, never a mix. `written` is the
 * generation's member count when the caller wrote all of it in this transaction; otherwise it is counted.
 */
export async function switchGeneration(
  sql: SqlExecutor,
  org: OrgId,
  audienceId: string,
  generation: number,
  written?: number,
): Promise<GenerationSwitch> {
  const previous = await currentGeneration(sql, org, audienceId);
  if (previous === null) throw DomainError.notFound('audience', audienceId);

  const count = written ?? (await countMembers(sql, org, audienceId, generation));
  await sql.run(
    'update audiences set version = version + 1, generation = ?, member_count = ? where org = ? and id = ?',
    [generation, count, org, audienceId],
  );
  const row = await sql.one<{ version: unknown }>('select version from audiences where org = ? and id = ?', [
    org,
    audienceId,
  ]);

  return { version: readCount(row?.version), count, previous };
}

/**
 * Deletes member rows no reader can need any more: every generation older than the new one except the
 * one it replaced (a stream that started before the switch may still be reading it), which includes
 * generations of replaces that were aborted or died with their process.
 */
export async function collectGenerations(
  sql: SqlExecutor,
  org: OrgId,
  audienceId: string,
  done: GenerationSwitch & { readonly generation: number },
): Promise<void> {
  await sql.run(
    'delete from audience_members where org = ? and audience_id = ? and generation < ? and generation <> ?',
    [org, audienceId, done.generation, done.previous],
  );
}
