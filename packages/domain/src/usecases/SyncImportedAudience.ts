import type { Audience, ImportSource } from '../audiences/Audience.js';
import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type { DataSourceRepository } from '../ports/DataSourceRepository.js';
import type { SegmentSource } from '../ports/PeopleCore.js';
import type { ReconciliationStore } from '../ports/ReconciliationStore.js';
import type { RunRepository } from '../ports/RunRepository.js';
import { silentProgress, type Clock, type IdGenerator, type Progress } from '../ports/Runtime.js';
import { defaultNormalisation, type NormalisationOptions } from '../profiles/normalise.js';
import type { Run, RunCounts } from '../runs/Run.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import { importByReconciliation } from './importByReconciliation.js';
import { importToFile } from './importToFile.js';
import { RunLifecycle } from './RunLifecycle.js';
import type { RunRecorder } from './RunRecorder.js';

/** The ports an import sync uses. */
export interface SyncImportedAudiencePorts {
  readonly audiences: AudienceRepository;
  readonly dataSources: DataSourceRepository;
  readonly reconciliation: ReconciliationStore;
  readonly segments: SegmentSource;
  readonly runs: RunRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly progress?: Progress;
  readonly normalisation?: NormalisationOptions;
  /** IDs read per batch from the segment; bounds memory whatever the segment's size. */
  readonly batchSize?: number;
}

export interface SyncImportedAudienceInput {
  readonly audienceId: string;
  /** A run queued by the scheduler or the API; a new run is created when absent. */
  readonly runId?: string;
}

export const DEFAULT_IMPORT_BATCH_SIZE = 10_000;

type Imported = Audience & { readonly source: ImportSource };

/**
 * Replaces an imported audience's members with the segment's current membership (design §1.4),
 * as a run whose report accounts for every ID; a failure leaves the previous members in place.
 */
export class SyncImportedAudience {
  private readonly lifecycle: RunLifecycle;

  constructor(private readonly ports: SyncImportedAudiencePorts) {
    this.lifecycle = new RunLifecycle(ports);
  }

  async execute(principal: Principal, input: SyncImportedAudienceInput): Promise<Result<Run>> {
    const allowed = authorize(principal, 'import');
    if (!allowed.ok) return allowed;

    const found = await this.importedAudience(principal, input.audienceId);
    if (!found.ok) return found;
    const { audience, dataSource } = found.value;

    const started = await this.lifecycle.start(principal, {
      kind: 'import',
      subjectId: audience.id,
      runId: input.runId,
    });
    if (!started.ok) return started;

    return this.lifecycle.conduct(principal.orgId, started.value, async (recorder) => {
      const counts = await this.sync(principal, audience, dataSource, recorder);
      await this.ports.audiences.markSynced(principal.orgId, audience.id, this.ports.clock.now());

      return { counts };
    });
  }

  private async sync(
    principal: Principal,
    audience: Imported,
    dataSource: SharedDataSource,
    recorder: RunRecorder,
  ): Promise<Partial<RunCounts>> {
    const { ports } = this;
    const snapshot = await ports.segments.snapshot(audience.source.sharedAudienceId, dataSource);
    const common = {
      org: principal.orgId,
      audience,
      dataSource,
      snapshot,
      recorder,
      batchSize: ports.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE,
      normalisation: ports.normalisation ?? defaultNormalisation,
      progress: ports.progress ?? silentProgress,
    };

    return audience.source.path === 'decrypt-to-file'
      ? importToFile({ ...common, audiences: ports.audiences })
      : importByReconciliation({ ...common, store: ports.reconciliation });
  }

  private async importedAudience(
    principal: Principal,
    audienceId: string,
  ): Promise<Result<{ audience: Imported; dataSource: SharedDataSource }>> {
    const audience = await this.ports.audiences.get(principal.orgId, audienceId);
    if (audience === null) return err(DomainError.notFound('audience', audienceId));
    const { source } = audience;
    if (source === null) {
      return err(
        new DomainError(
          'AUDIENCE.NOT_SHARED',
          `Audience ${audienceId} is not imported from People core: there is nothing to sync`,
          {
            audienceId,
          },
        ),
      );
    }

    const dataSource = await this.ports.dataSources.get(principal.orgId, source.dataSourceId);
    if (dataSource === null) return err(DomainError.notFound('data source', source.dataSourceId));

    return ok({ audience: { ...audience, source }, dataSource });
  }
}
