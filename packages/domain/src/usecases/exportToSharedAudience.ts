import type { OrgId } from '../auth/Principal.js';
import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import { exportIdsOf } from '../exports/exportIdOf.js';
import type { ExportLedger } from '../ports/ExportLedger.js';
import type {
  SegmentUploadSink,
  SharedAudienceCatalog,
  UploadReceipt,
  UploadSession,
} from '../ports/PeopleCore.js';
import type { IdGenerator } from '../ports/Runtime.js';
import type { Populations } from '../ports/TargetingStore.js';
import type { Profile } from '../profiles/Profile.js';
import { DomainError } from '../shared/DomainError.js';
import type { SharedAudience } from '../sharedaudiences/SharedAudience.js';
import type { ShareTarget } from '../workflows/WorkflowDocument.js';
import type { RunRecorder } from './RunRecorder.js';

/** The ports an export to People core uses. */
export interface SharedExportPorts {
  readonly catalog: SharedAudienceCatalog;
  readonly ledger: ExportLedger;
  readonly uploads: SegmentUploadSink;
  readonly ids: IdGenerator;
}

/** One shared save activity to carry out. */
export interface SharedExport {
  readonly org: OrgId;
  readonly node: string;
  readonly input: string;
  readonly target: ShareTarget;
  readonly dataSource: SharedDataSource;
  readonly outboundTransition: boolean;
  readonly populations: Populations;
  readonly recorder: RunRecorder;
  readonly batchSize: number;
}

/** What one shared save did: targeted = exported + ignored + alreadyPresent. */
export interface SharedExportOutcome {
  readonly sharedAudience: SharedAudience;
  readonly targeted: number;
  readonly exported: number;
  readonly ignored: number;
  readonly alreadyPresent: number;
  readonly receipt: UploadReceipt;
}

/**
 * Appends the input's profiles to a shared audience (design §1 export 2–5): only IDs the ledger
 * has not seen are staged and uploaded, under an upload id recorded before delivery, so a run
 * that dies between delivery and acceptance is resolved by the next one without re-sending.
 */
export async function exportToSharedAudience(
  ports: SharedExportPorts,
  job: SharedExport,
): Promise<SharedExportOutcome> {
  const sharedAudience = await resolveTarget(ports.catalog, job.target, job.dataSource);
  await resolvePendingUploads(ports, job.org, sharedAudience.id);

  const uploadId = ports.ids.next('upload');
  const session = await ports.uploads.begin(
    { sharedAudienceId: sharedAudience.id, dataSource: job.dataSource },
    uploadId,
  );
  const tally = { targeted: 0, exported: 0, ignored: 0, alreadyPresent: 0 };
  let receipt: UploadReceipt;
  try {
    if (job.outboundTransition) await job.populations.add(job.node, []);
    for await (const profiles of job.populations.profiles(job.input, job.batchSize)) {
      await exportBatch(
        ports,
        job,
        { sharedAudienceId: sharedAudience.id, uploadId, session },
        profiles,
        tally,
      );
    }
    receipt = await session.finish();
  } catch (cause) {
    await session.abort();
    await ports.ledger.discard(job.org, uploadId);
    throw cause;
  }
  await ports.ledger.accept(job.org, uploadId);

  return { sharedAudience, ...tally, receipt };
}

interface Upload {
  readonly sharedAudienceId: string;
  readonly uploadId: string;
  readonly session: UploadSession;
}

async function exportBatch(
  ports: SharedExportPorts,
  job: SharedExport,
  upload: Upload,
  profiles: readonly Profile[],
  tally: { targeted: number; exported: number; ignored: number; alreadyPresent: number },
): Promise<void> {
  const userIds = exportIdsOf(profiles, job.dataSource);
  const withId: { profileKey: string; userId: string }[] = [];
  const ignored = profiles.filter((profile, index) => {
    const userId = userIds[index] ?? null;
    if (userId !== null) withId.push({ profileKey: profile.key, userId });

    return userId === null;
  });
  await job.recorder.add(
    ignored.map((profile) => ({
      category: 'ignored',
      value: profile.key,
      reason: `no ID for data source ${job.dataSource.label}`,
    })),
  );

  const fresh = new Set(
    await ports.ledger.filterNew(
      job.org,
      upload.sharedAudienceId,
      withId.map(({ userId }) => userId),
    ),
  );
  const exported = withId.filter(({ userId }) => fresh.delete(userId));
  if (exported.length > 0) {
    await ports.ledger.stage(
      job.org,
      upload.sharedAudienceId,
      upload.uploadId,
      exported.map(({ userId }) => userId),
    );
    await upload.session.add(exported.map(({ userId }) => userId));
    if (job.outboundTransition)
      await job.populations.add(
        job.node,
        exported.map(({ profileKey }) => profileKey),
      );
  }

  tally.targeted += profiles.length;
  tally.ignored += ignored.length;
  tally.exported += exported.length;
  tally.alreadyPresent += withId.length - exported.length;
}

/** An existing shared audience, or the segment of that name in the source's DPID, created when missing. */
async function resolveTarget(
  catalog: SharedAudienceCatalog,
  target: ShareTarget,
  dataSource: SharedDataSource,
): Promise<SharedAudience> {
  if ('sharedAudienceId' in target) {
    const found = await catalog.get(target.sharedAudienceId);
    if (found === null) throw DomainError.notFound('shared audience', target.sharedAudienceId);

    return found;
  }

  const { name } = target.createSegment;
  const existing = (await catalog.list()).find(
    (item) => item.kind === 'segment' && item.name === name && item.dataSourceId === dataSource.dataSourceId,
  );

  return existing ?? catalog.createSegment({ name, dataSourceId: dataSource.dataSourceId });
}

/** Settles uploads a previous run left staged: accepted when the service has them, dropped otherwise. */
async function resolvePendingUploads(
  ports: SharedExportPorts,
  org: OrgId,
  sharedAudienceId: string,
): Promise<void> {
  for (const uploadId of await ports.ledger.pending(org, sharedAudienceId)) {
    const status = await ports.uploads.status(uploadId);
    if (status === 'delivered' || status === 'processed') await ports.ledger.accept(org, uploadId);
    else await ports.ledger.discard(org, uploadId);
  }
}
