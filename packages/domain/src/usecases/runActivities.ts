import type { OrgId, Principal } from '../auth/Principal.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type { DataSourceRepository } from '../ports/DataSourceRepository.js';
import type { Clock } from '../ports/Runtime.js';
import type { Populations } from '../ports/TargetingStore.js';
import { DomainError } from '../shared/DomainError.js';
import type { Activity } from '../workflows/WorkflowDocument.js';
import { exportToSharedAudience, type SharedExportPorts } from './exportToSharedAudience.js';
import { UNRECONCILED_REASON } from './importByReconciliation.js';
import type { RunRecorder } from './RunRecorder.js';

/** The ports the activities of a workflow use besides the populations. */
export interface ActivityPorts extends SharedExportPorts {
  readonly audiences: AudienceRepository;
  readonly dataSources: DataSourceRepository;
  readonly clock: Clock;
}

/** The state of one workflow run, shared by its activities. */
export interface ActivityRun {
  readonly principal: Principal;
  readonly populations: Populations;
  readonly recorder: RunRecorder;
  readonly batchSize: number;
  readonly activities: Record<string, number>;
  readonly counts: {
    input: number;
    exported: number;
    ignored: number;
    alreadyPresent: number;
    unreconciled: number;
  };
  readonly receipts: string[];
}

type SaveActivity = Extract<Activity, { type: 'saveAudience' }>;

/** Runs one activity and records its count (the population it produced) under its id. */
export async function runActivity(ports: ActivityPorts, run: ActivityRun, activity: Activity): Promise<void> {
  run.activities[activity.id] = await countOf(ports, run, activity);
}

/** The activities that only select profiles or addresses, and write nothing outside the run's populations. */
export type SelectingActivity = Extract<
  Activity,
  { type: 'query' | 'readAudience' | 'union' | 'intersection' | 'exclusion' }
>;

/** Computes a selecting activity's population; shared by runs and dry runs. */
export async function select(populations: Populations, activity: SelectingActivity): Promise<number> {
  switch (activity.type) {
    case 'query':
      return populations.query(activity.id, activity.filter);
    case 'readAudience':
      return (await populations.readAudience(activity.id, activity.audienceId)).count;
    case 'union':
    case 'intersection':
      return populations.combine(activity.id, activity.type, activity.inputs);
    case 'exclusion':
      return populations.exclude(activity.id, activity.input, activity.exclude);
  }
}

async function countOf(ports: ActivityPorts, run: ActivityRun, activity: Activity): Promise<number> {
  switch (activity.type) {
    case 'reconcile':
      return reconcile(run, activity.id, activity.input, activity.key);
    case 'saveAudience':
      return activity.share === undefined ? saveList(ports, run, activity) : saveShared(ports, run, activity);
    default:
      return select(run.populations, activity);
  }
}

async function reconcile(
  run: ActivityRun,
  node: string,
  input: string,
  key: Parameters<Populations['reconcile']>[2],
): Promise<number> {
  const { matched, unmatched } = await run.populations.reconcile(node, input, key);
  for await (const addresses of run.populations.unmatched(node, run.batchSize)) {
    await run.recorder.add(
      addresses.map((value) => ({ category: 'unreconciled', value, reason: UNRECONCILED_REASON })),
    );
  }
  run.counts.unreconciled += unmatched;

  return matched;
}

/** A plain save: the input's profiles become (or are appended to) a list audience; they also flow on. */
async function saveList(ports: ActivityPorts, run: ActivityRun, activity: SaveActivity): Promise<number> {
  const spec = activity.audience;
  if (spec === undefined) throw new DomainError('WORKFLOW.INVALID', `activity ${activity.id} saves nothing`);
  const org = run.principal.orgId;
  const audienceId = spec.audienceId ?? (await createList(ports, run.principal, spec.label));
  if ((await ports.audiences.get(org, audienceId)) === null)
    throw DomainError.notFound('audience', audienceId);

  const replacement = spec.mode === 'replace' ? await ports.audiences.beginReplace(org, audienceId) : null;
  try {
    await run.populations.add(activity.id, []);
    for await (const members of run.populations.members(activity.input, run.batchSize)) {
      if (replacement === null) await ports.audiences.append(org, audienceId, members);
      else await replacement.add(members);
      await run.populations.add(activity.id, members);
    }
    await replacement?.commit();
  } catch (cause) {
    await replacement?.abort();
    throw cause;
  }

  return run.populations.count(activity.id);
}

async function createList(ports: ActivityPorts, principal: Principal, label: string): Promise<string> {
  const audience = await ports.audiences.create(principal.orgId, {
    id: ports.ids.next('aud'),
    label,
    type: 'list',
    source: null,
    filter: null,
    createdBy: principal.subject,
    createdAt: ports.clock.now(),
  });

  return audience.id;
}

/** A shared save: an export to People core; with outbound transition, the exported profiles flow on. */
async function saveShared(ports: ActivityPorts, run: ActivityRun, activity: SaveActivity): Promise<number> {
  const share = activity.share;
  if (share === undefined)
    throw new DomainError('WORKFLOW.INVALID', `activity ${activity.id} shares nothing`);
  const org: OrgId = run.principal.orgId;
  const dataSource = await ports.dataSources.get(org, share.dataSourceId);
  if (dataSource === null) throw DomainError.notFound('data source', share.dataSourceId);

  const outcome = await exportToSharedAudience(ports, {
    org,
    node: activity.id,
    input: activity.input,
    target: share.target,
    dataSource,
    outboundTransition: share.outboundTransition,
    populations: run.populations,
    recorder: run.recorder,
    batchSize: run.batchSize,
  });
  run.counts.input += outcome.targeted;
  run.counts.exported += outcome.exported;
  run.counts.ignored += outcome.ignored;
  run.counts.alreadyPresent += outcome.alreadyPresent;
  const { receipt } = outcome;
  run.receipts.push(
    `${outcome.sharedAudience.id}: upload ${receipt.uploadId}, ${receipt.records} records in ${receipt.files.join(', ')}`,
  );

  return outcome.exported;
}
