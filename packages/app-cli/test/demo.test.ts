import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { campaignProfiles, expectedMembers, generatePopulation } from '@audience-bridge/peoplecore-emulator';
import { beforeAll, describe, expect, it } from 'vitest';

import { demoEmulatorOptions, DEMO_SEED, demoWorkflow, EXPORT_LAST_NAME } from '../src/demo/demoPlan.js';
import type { DemoReport } from '../src/demo/DemoReport.js';
import { json, runCli, sandbox, type CliResult } from './cli.js';

const PROFILES = 5000;

describe('demo --profiles 5000, then the commands a user tries next', () => {
  const box = sandbox();
  let first: CliResult;
  let report: DemoReport;

  beforeAll(async () => {
    first = await runCli(['demo', '--profiles', String(PROFILES), '--json'], box);
    report = json<DemoReport>(first);
  });

  it('should report counts equal to the emulator population', () => {
    const { population } = demoEmulatorOptions(PROFILES);
    const generated = generatePopulation({ seed: DEMO_SEED, ...population });
    const [visitors, newsletter] = ['visitor', 'aesEmail'].map((kind) =>
      generated.segments.find((segment) => segment.source.kind === kind)!,
    );
    const martins = campaignProfiles(generated).filter(
      (profile) => profile.attributes['lastName'] === EXPORT_LAST_NAME,
    ).length;

    expect(first.code).toBe(0);
    expect(report.profiles.inserted).toBe(campaignProfiles(generated).length);
    expect(report.imports[0]?.run.report?.counts).toMatchObject({
      members: expectedMembers(visitors!).inCampaign.length,
      unreconciled: expectedMembers(visitors!).outsiders.length,
      rejected: expectedMembers(visitors!).malformed.length,
    });
    expect(report.imports[1]).toMatchObject({ audienceType: 'file' });
    expect(report.imports[1]?.run.report?.counts).toMatchObject({
      members: newsletter!.members.length,
      rejected: newsletter!.malformedIds.length,
    });
    expect(report.export.run.report?.counts.exported).toBe(martins);
    expect(report.resync.run.status).toBe('succeeded');
    expect(report.checks.every((check) => check.expected === check.actual)).toBe(true);
  });

  it('should leave a database the read commands can explore', async () => {
    const visitorAudience = report.imports[0]!.audienceId;

    const listed = await runCli(['audiences', 'list', '--json'], box);
    const members = await runCli(['audiences', 'members', visitorAudience, '--csv'], box);
    const rejects = await runCli(['runs', 'show', report.imports[0]!.run.id, '--rejects', '--csv'], box);
    const runs = await runCli(['runs', 'list'], box);

    expect(json<{ total: number }>(listed).total).toBe(3);
    expect(members.stdout.split('\n')[0]).toBe('member');
    expect(members.stdout.trim().split('\n')).toHaveLength(report.resync.run.report!.counts.members + 1);
    expect(rejects.stdout.split('\n')[0]).toBe('category,value,reason');
    expect(rejects.stdout).toContain('unreconciled,');
    expect(runs.stdout).toMatch(/^ID\s+KIND\s+STATUS/);
  });

  it('should export and sync with the login the demo cached, appending nothing twice', async () => {
    const file = join(box.dir, 'martins.json');
    writeFileSync(file, JSON.stringify(demoWorkflow('emulator-hashedEmail')));

    const exported = await runCli(['export', file, '--json'], box);
    const synced = await runCli(['audiences', 'sync', report.imports[0]!.audienceId, '--json'], box);

    expect(exported.code).toBe(0);
    expect(json<{ run: DemoReport['export']['run'] }>(exported).run.report?.counts).toMatchObject({
      exported: 0,
      alreadyPresent: report.export.run.report!.counts.exported,
    });
    expect(synced.code).toBe(0);
    expect(json<DemoReport['export']['run']>(synced).report?.counts.members).toBe(
      report.resync.run.report!.counts.members,
    );
  });

  it('should run again on the same data folder', async () => {
    const again = await runCli(['demo', '--profiles', String(PROFILES), '--json'], box);

    expect(again.code).toBe(0);
    expect(json<DemoReport>(again).profiles.inserted).toBe(report.profiles.inserted);
  });
});
