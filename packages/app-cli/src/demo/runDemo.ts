import { saveEmulatorOptions, type AppContext } from '@audience-bridge/app-api';
import type { Principal, Progress } from '@audience-bridge/domain';
import { expectedMembers, type RunningEmulator } from '@audience-bridge/peoplecore-emulator';

import { runDocument } from '../output/report.js';
import type { Cli } from '../runtime/Cli.js';
import { loginCredentials, requestImsToken } from '../runtime/imsLogin.js';
import { verifyToken } from '../runtime/principal.js';
import { saveToken } from '../runtime/tokenCache.js';
import { unwrap } from '../runtime/unwrap.js';
import { demoEmulatorOptions, demoSourceKinds, demoWorkflow, EXPORT_LAST_NAME } from './demoPlan.js';
import type { DemoCheck, DemoImport, DemoReport } from './DemoReport.js';
import { changeSegment, importSegment, loadProfiles, resync, segmentOf } from './demoSteps.js';
import { resetDemoData } from './resetDemoData.js';

/** Logs in against the embedded emulator, as `audience-bridge login` does, so later commands can import and export. */
async function demoLogin(context: AppContext): Promise<Principal> {
  const token = await requestImsToken(await loginCredentials(context));
  saveToken(token);

  return verifyToken(context.tokens, token.accessToken);
}

async function addDataSources(
  context: AppContext,
  emulator: RunningEmulator,
  principal: Principal,
): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of demoSourceKinds) {
    const source = emulator.population.dataSources.find((candidate) => candidate.kind === kind);
    if (source === undefined) continue;
    ids.push(unwrap(await context.useCases.dataSources.add(principal, source.shared)).id);
    await emulator.admin.deliver(source.destinationId, { mode: 'full' });
  }

  return ids;
}

async function runImports(cli: Cli, context: AppContext, emulator: RunningEmulator, principal: Principal) {
  const imports: DemoImport[] = [];
  const checks: DemoCheck[] = [];
  for (const kind of ['visitor', 'aesEmail'] as const) {
    const segment = segmentOf(emulator, kind);
    const expected = expectedMembers(segment);
    const { audience, run, dataSourceId } = await importSegment(context, principal, segment, cli.progress());
    imports.push({
      segment: { sid: String(segment.sid), name: segment.name },
      dataSourceId,
      audienceId: audience.id,
      audienceType: audience.type,
      run: runDocument(run),
    });
    const counts = run.report?.counts;
    const members = kind === 'visitor' ? expected.inCampaign.length : segment.members.length;
    checks.push({ what: `${segment.name}: members`, expected: members, actual: counts?.members ?? -1 });
    checks.push({
      what: `${segment.name}: rejected (malformed)`,
      expected: expected.malformed.length,
      actual: counts?.rejected ?? -1,
    });
    if (kind === 'visitor')
      checks.push({
        what: `${segment.name}: unreconciled (outsiders)`,
        expected: expected.outsiders.length,
        actual: counts?.unreconciled ?? -1,
      });
  }

  return { imports, checks };
}

async function runExport(cli: Cli, context: AppContext, emulator: RunningEmulator, principal: Principal) {
  const saved = unwrap(
    await context.useCases.workflows.create(
      principal,
      demoWorkflow(segmentOf(emulator, 'hashedEmail').source.shared.id),
    ),
  );
  const progress = cli.progress();
  progress.start('export', null);
  const run = unwrap(await context.useCases.runWorkflow.execute(principal, { workflowId: saved.id }));
  progress.finish();
  await emulator.admin.ingest();
  const martins = emulator.population.people.filter(
    (person) => person.inCampaign && person.lastName === EXPORT_LAST_NAME,
  ).length;

  return {
    workflowId: saved.id,
    run: runDocument(run),
    check: {
      what: `export: profiles named ${EXPORT_LAST_NAME} exported`,
      expected: martins,
      actual: run.report?.counts.exported ?? -1,
    },
  };
}

/** The commands worth trying on the database the demo leaves. */
function nextCommands(report: Pick<DemoReport, 'imports' | 'export'>): string[] {
  const [first, second] = report.imports;
  return [
    'audience-bridge audiences list',
    ...(first === undefined
      ? []
      : [
          `audience-bridge runs show ${first.run.id} --rejects --category unreconciled`,
          `audience-bridge audiences members ${first.audienceId} --csv | head`,
        ]),
    ...(second === undefined ? [] : [`audience-bridge audiences show ${second.audienceId}`]),
    `audience-bridge workflows show ${report.export.workflowId}`,
    'audience-bridge runs list',
    'audience-bridge shared-audiences list --kind segment',
  ];
}

/**
 * The whole cycle on the embedded default: reset, data sources, profiles, an import by reconciliation,
 * one by decrypt-to-file, an export workflow, a segment change and its re-sync, with checks of every
 * count against what the emulator's population makes certain.
 */
export async function runDemo(cli: Cli, profiles: number): Promise<DemoReport> {
  const started = Date.now();
  const config = await cli.config();
  resetDemoData(config);
  const options = demoEmulatorOptions(profiles);
  saveEmulatorOptions(config, options);
  const context = await cli.context({ emulator: options }, config);
  const emulator = context.emulator;
  if (emulator === null) throw new Error('the embedded emulator did not start');

  const principal = await demoLogin(context);
  cli.note(`logged in as ${principal.subject} (${principal.orgId})`);
  const dataSources = await addDataSources(context, emulator, principal);
  const loaded = await loadProfiles(context, emulator, principal, cli.progress() satisfies Progress);
  const { imports, checks } = await runImports(cli, context, emulator, principal);
  const exported = await runExport(cli, context, emulator, principal);
  const visitor = segmentOf(emulator, 'visitor');
  const change = await changeSegment(emulator, visitor);
  const resynced = await resync(context, principal, imports[0]?.audienceId ?? '', cli.progress());
  const resyncCheck = {
    what: `${visitor.name} after the change: members`,
    expected: change.expectedMembers,
    actual: resynced.report?.counts.members ?? -1,
  };

  const partial = { imports, export: { workflowId: exported.workflowId, run: exported.run } };
  return {
    dataDir: config.AB_DATA_DIR,
    orgId: principal.orgId,
    subject: principal.subject,
    dataSources,
    profiles: loaded,
    ...partial,
    resync: { added: change.added, removed: change.removed, run: runDocument(resynced) },
    checks: [
      { what: 'profiles loaded', expected: emulator.population.campaignSize, actual: loaded.inserted },
      ...checks,
      exported.check,
      resyncCheck,
    ],
    durationMs: Date.now() - started,
    nextCommands: nextCommands(partial),
  };
}
