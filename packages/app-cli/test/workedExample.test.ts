import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Run } from '@audience-bridge/domain';
import { campaignProfiles, generatePopulation } from '@audience-bridge/peoplecore-emulator';
import { beforeAll, describe, expect, it } from 'vitest';

import { demoEmulatorOptions, DEMO_SEED } from '../src/demo/demoPlan.js';
import type { DemoReport } from '../src/demo/DemoReport.js';
import { json, runCli, sandbox } from './cli.js';

// The README's worked example, run as written: the decrypt-to-file audience of an import is reconciled
// by email, an existing audience is excluded, and the rest goes to a new shared segment and a list.
const PROFILES = 3000;
const example = readFileSync(
  new URL('../../../docs/examples/newsletter-readers-to-people-core.json', import.meta.url),
  'utf8',
);

describe('the README worked example: reconcile a file audience, exclude, export with an outbound list', () => {
  const box = sandbox();
  let demo: DemoReport;
  let workflowFile: string;

  beforeAll(async () => {
    demo = json<DemoReport>(await runCli(['demo', '--profiles', String(PROFILES), '--json'], box));
    const [visitors, newsletter] = demo.imports;
    workflowFile = join(box.dir, 'newsletter.json');
    writeFileSync(
      workflowFile,
      example
        .replace('FILE_AUDIENCE_ID', newsletter!.audienceId)
        .replace('VISITORS_AUDIENCE_ID', visitors!.audienceId),
    );
  });

  it('counts every activity as the generated populations say, then sends nothing new on a second start', async () => {
    const generated = generatePopulation({ seed: DEMO_SEED, ...demoEmulatorOptions(PROFILES).population });
    const readers = await runCli(['audiences', 'members', demo.imports[1]!.audienceId, '--csv'], box);
    const recent = await runCli(['audiences', 'members', demo.imports[0]!.audienceId, '--csv'], box);
    const addresses = new Set(readers.stdout.trim().split('\n').slice(1));
    const recentKeys = new Set(recent.stdout.trim().split('\n').slice(1));
    const reconciled = campaignProfiles(generated).filter((profile) => addresses.has(profile.email ?? ''));
    const expected = reconciled.filter((profile) => !recentKeys.has(profile.key));

    const first = json<{ workflow: { id: string }; run: Run }>(
      await runCli(['export', workflowFile, '--json'], box),
    );
    const workflowId = first.workflow.id;
    const again = await runCli(['workflows', 'start', workflowId, '--json'], box);

    expect(first.run.status).toBe('succeeded');
    expect(first.run.report?.activities).toEqual({
      readers: addresses.size,
      profiles: reconciled.length,
      recent: recentKeys.size,
      notRecent: expected.length,
      share: expected.length,
      exported: expected.length,
    });
    expect(first.run.report?.counts).toMatchObject({
      exported: expected.length,
      ignored: 0,
      unreconciled: addresses.size - reconciled.length,
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(json<Run>(again).report?.counts).toMatchObject({ exported: 0, alreadyPresent: expected.length });
    const history = json<{ items: Run[] }>(await runCli(['runs', 'list', '--json'], box));
    expect(history.items.filter((run) => run.subjectId === workflowId)).toHaveLength(2);
  });
});
