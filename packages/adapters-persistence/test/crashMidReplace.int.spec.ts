import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { Persistence } from '../src/index.js';
import { expect, it } from 'vitest';

import { describeEachDatabase } from './support/eachDatabase.js';

const worker = fileURLToPath(new URL('./support/replaceWorker.ts', import.meta.url));
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Starts the worker and SIGKILLs it once it printed `line` `times` times (plus `delayMs`); resolves when it is dead. */
function killWhen(
  args: string[],
  line: string,
  times: number,
  delayMs: number,
): Promise<{ seen: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@audience-bridge/source', '--import', 'tsx', worker, ...args],
      {
        cwd: packageRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let seen = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((text) => text === line).length;
      if (seen >= times) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === null && seen < times) reject(new Error(`worker exited before the kill: ${errors}`));
      else resolve({ seen, signal });
    });
  });
}

async function membersOf(persistence: Persistence, org: string, id: string): Promise<string[]> {
  const all: string[] = [];
  for await (const batch of persistence.audiences.streamMembers(org, id, 10_000)) all.push(...batch);

  return all;
}

async function audienceWithMembers(persistence: Persistence, org: string, members: string[]): Promise<void> {
  await persistence.audiences.create(org, {
    id: 'aud',
    label: 'crash',
    type: 'shared',
    source: null,
    filter: null,
    createdBy: 't',
    createdAt: new Date(0),
  });
  const replacement = await persistence.audiences.beginReplace(org, 'aud');
  await replacement.add(members);
  await replacement.commit();
}

describeEachDatabase('a process killed mid-replace', (ports, url) => {
  it('having a committed member set, when the writer of a large replacement is SIGKILLed, then the previous set stays current and a rerun replaces it', async () => {
    const persistence = ports();
    const org = `crash-${Date.now()}`;
    const previous = Array.from({ length: 1000 }, (_, index) => `old-${String(index).padStart(4, '0')}`);
    await audienceWithMembers(persistence, org, previous);

    const killed = await killWhen([url(), org, 'aud', 'replace'], 'added', 1, 0);

    expect(killed.signal).toBe('SIGKILL');
    expect(await membersOf(persistence, org, 'aud')).toEqual(previous);
    expect(await persistence.audiences.get(org, 'aud')).toMatchObject({ version: 1, memberCount: 1000 });
    const rerun = await persistence.audiences.beginReplace(org, 'aud');
    await rerun.add(['fresh-1', 'fresh-2']);
    expect(await rerun.commit()).toEqual({ version: 2, count: 2 });
    expect(await membersOf(persistence, org, 'aud')).toEqual(['fresh-1', 'fresh-2']);
  });

  it('having a committed member set, when a reconciliation is SIGKILLed during complete, then readers see the old set or the whole new one', async () => {
    const persistence = ports();
    const org = `crash-rec-${Date.now()}`;
    const people = Array.from({ length: 1000 }, (_, n) => ({
      key: `P-${String(n).padStart(5, '0')}`,
      email: null,
      mobilePhone: null,
      visitorId: null,
      customKeys: { crm: `crm-${n}` },
      attributes: {},
      optOut: { all: false, email: false, sms: false },
    }));
    await persistence.profiles.upsertMany(org, people);
    const previous = ['old-a', 'old-b'];
    await audienceWithMembers(persistence, org, previous);

    await killWhen([url(), org, 'aud', 'reconcile'], 'completing', 1, 20);

    const audience = await persistence.audiences.get(org, 'aud');
    const members = await membersOf(persistence, org, 'aud');
    if (audience?.version === 1) expect(members).toEqual(previous);
    else expect(members).toEqual(people.map((person) => person.key));
    expect(audience?.memberCount).toBe(members.length);
  });
});
