// Measures a reconciliation of N segment IDs against N profiles through the adapter, beside the
// hand-written baseline of design §6 (bulk load into a temp table, one join, one insert) on the same
// database. Usage: node --conditions=@audience-bridge/source --import tsx test/bench/reconciliationBench.ts <sqlite|postgres> [N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Profile, StagedId } from '@audience-bridge/domain';
import { knex, type Knex } from '@mikro-orm/knex';

import { openPersistence, type Persistence } from '../../src/index.js';
import { createTestDatabase } from '../support/postgres.js';

const [target = 'sqlite', size = '200000'] = process.argv.slice(2);
const total = Number(size);
const BATCH = 10_000;
const org = 'bench';

const profileAt = (n: number): Profile => ({
  key: `P-${n}`,
  email: null,
  mobilePhone: null,
  visitorId: null,
  customKeys: { crm: `crm-${n}` },
  attributes: {},
  optOut: { all: false, email: false, sms: false },
});

/** Half the IDs match a profile, half match nothing; the order is shuffled by a multiplicative step. */
const idAt = (n: number): StagedId => {
  const shuffled = (n * 7919) % total;

  return {
    raw: `R-${shuffled}`,
    field: 'custom:crm',
    value: shuffled % 2 === 0 ? `crm-${shuffled}` : `none-${shuffled}`,
  };
};

async function seconds<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();

  return [result, (performance.now() - start) / 1000];
}

async function load(persistence: Persistence): Promise<void> {
  for (let start = 0; start < total; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, total - start) }, (_, i) => profileAt(start + i));
    await persistence.profiles.upsertMany(org, batch);
  }
  for (const id of ['adapter', 'baseline']) {
    await persistence.audiences.create(org, {
      id,
      label: id,
      type: 'shared',
      source: null,
      filter: null,
      createdBy: 'bench',
      createdAt: new Date(),
    });
  }
}

async function adapterRun(persistence: Persistence): Promise<number> {
  const session = await persistence.reconciliation.begin(org, 'adapter');
  for (let start = 0; start < total; start += BATCH) {
    await session.stage(Array.from({ length: Math.min(BATCH, total - start) }, (_, i) => idAt(start + i)));
  }
  const outcome = await session.complete();
  await session.close();

  return outcome.members;
}

/** The baseline: one temp table, a bulk load in one transaction, one join, one insert. */
async function baselineRun(client: Knex, postgres: boolean): Promise<number> {
  return client.transaction(async (trx) => {
    await trx.raw(
      `create temp table staged (raw text, field text, value text)${postgres ? ' on commit drop' : ''}`,
    );
    for (let start = 0; start < total; start += 2000) {
      const rows = Array.from({ length: Math.min(2000, total - start) }, (_, i) => idAt(start + i));
      await trx.raw(
        `insert into staged values ${rows.map(() => '(?, ?, ?)').join(', ')}`,
        rows.flatMap((r) => [r.raw, r.field, r.value]),
      );
    }
    const result: unknown = await trx.raw(
      "insert into audience_members (org, audience_id, generation, member) select distinct 'bench', 'baseline', 1, p.key " +
        'from staged s cross join profile_keys k join profiles p on p.id = k.profile_id ' +
        "where k.org = 'bench' and k.field = s.field and k.value = s.value",
    );
    if (!postgres) await trx.raw('drop table staged');

    const counts = result as { changes?: number; rowCount?: number };

    return counts.changes ?? counts.rowCount ?? 0;
  });
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ab-bench-'));
  const database = target === 'postgres' ? await createTestDatabase() : null;
  const url = database?.url ?? `sqlite:${join(folder, 'bench.db')}`;
  const persistence = await openPersistence({ url, masterKey: 'bench master key, long enough' });
  const client =
    database === null
      ? knex({
          client: 'better-sqlite3',
          connection: { filename: join(folder, 'bench.db') },
          useNullAsDefault: true,
        })
      : knex({ client: 'pg', connection: database.url });
  try {
    const [, loading] = await seconds(() => load(persistence));
    console.error(`loaded ${total} profiles in ${loading.toFixed(1)} s`);
    const [adapterMembers, adapter] = await seconds(() => adapterRun(persistence));
    console.error(`adapter reconciled in ${adapter.toFixed(1)} s`);
    const [baselineMembers, baseline] = await seconds(() => baselineRun(client, database !== null));
    const rss = Math.round(process.memoryUsage().rss / 1e6);
    console.log(
      JSON.stringify({
        target,
        total,
        loading,
        baseline,
        adapter,
        ratio: adapter / baseline,
        baselineMembers,
        adapterMembers,
        rssMb: rss,
      }),
    );
  } finally {
    await client.destroy();
    await persistence.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
