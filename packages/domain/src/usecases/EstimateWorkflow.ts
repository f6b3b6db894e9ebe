import { authorize } from '../auth/authorize.js';
import type { OrgId, Principal } from '../auth/Principal.js';
import type { SharedDataSource } from '../datasources/SharedDataSource.js';
import { exportIdsOf } from '../exports/exportIdOf.js';
import type { AudienceRepository } from '../ports/AudienceRepository.js';
import type { DataSourceRepository } from '../ports/DataSourceRepository.js';
import type { ExportLedger } from '../ports/ExportLedger.js';
import type { SharedAudienceCatalog } from '../ports/PeopleCore.js';
import type { IdGenerator } from '../ports/Runtime.js';
import type { Populations, TargetingStore } from '../ports/TargetingStore.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';
import { catalogFor, noPeopleCoreAccount, servesOrg } from '../sharedaudiences/catalogFor.js';
import { validateWorkflow } from '../workflows/validateWorkflow.js';
import type { Activity, ShareTarget } from '../workflows/WorkflowDocument.js';
import { select } from './runActivities.js';

/** What a workflow would do if started now: the count each activity would produce. */
export interface WorkflowEstimate {
  readonly activities: Readonly<Record<string, number>>;
}

export interface EstimateWorkflowPorts {
  readonly targeting: TargetingStore;
  readonly audiences: AudienceRepository;
  readonly dataSources: DataSourceRepository;
  readonly catalog: SharedAudienceCatalog;
  readonly ledger: ExportLedger;
  readonly ids: IdGenerator;
  readonly batchSize?: number;
  readonly peopleCoreOrg?: OrgId | undefined;
}

type Estimator = (activity: Activity) => Promise<number>;

/**
 * A dry run of a workflow: it computes every activity's population in scratch space that is dropped
 * afterwards, and for a shared save counts the profiles that would be sent, without creating an
 * audience or a segment, staging in the ledger or uploading anything.
 */
export class EstimateWorkflow {
  constructor(private readonly ports: EstimateWorkflowPorts) {}

  async execute(principal: Principal, document: unknown): Promise<Result<WorkflowEstimate>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;
    const plan = validateWorkflow(document);
    if (!plan.ok) {
      const issues = plan.error;
      return err(
        new DomainError('WORKFLOW.INVALID', `The workflow is not valid: ${issues.join('; ')}`, { issues }),
      );
    }

    const populations = await this.ports.targeting.open(principal.orgId, this.ports.ids.next('estimate'));
    const activities: Record<string, number> = {};
    try {
      const shares = plan.value.activities.some(
        (activity) => activity.type === 'saveAudience' && activity.share,
      );
      if (shares && !servesOrg(principal, this.ports.peopleCoreOrg)) return err(noPeopleCoreAccount());
      const catalog = catalogFor(principal, this.ports.catalog, this.ports.peopleCoreOrg);
      const estimate = this.estimator(principal.orgId, populations, catalog);
      for (const activity of plan.value.activities) activities[activity.id] = await estimate(activity);
    } catch (cause) {
      if (DomainError.is(cause)) return err(cause);
      throw cause;
    } finally {
      await populations.close();
    }

    return ok({ activities });
  }

  private estimator(org: OrgId, populations: Populations, catalog: SharedAudienceCatalog): Estimator {
    const batchSize = this.ports.batchSize ?? 10_000;

    return async (activity) => {
      switch (activity.type) {
        case 'reconcile':
          return (await populations.reconcile(activity.id, activity.input, activity.key)).matched;
        case 'saveAudience':
          if (activity.share === undefined)
            return this.passOn(populations, activity.id, activity.input, batchSize);
          return this.wouldExport(
            org,
            populations,
            catalog,
            { ...activity, share: activity.share },
            batchSize,
          );
        default:
          return select(populations, activity);
      }
    };
  }

  /** A plain save keeps its input as it is, and passes it on. */
  private async passOn(
    populations: Populations,
    node: string,
    input: string,
    batchSize: number,
  ): Promise<number> {
    await populations.add(node, []);
    for await (const members of populations.members(input, batchSize)) await populations.add(node, members);

    return populations.count(node);
  }

  /** Profiles with an ID for the data source that the shared audience has not accepted yet. */
  private async wouldExport(
    org: OrgId,
    populations: Populations,
    catalog: SharedAudienceCatalog,
    save: {
      id: string;
      input: string;
      share: { target: ShareTarget; dataSourceId: string; outboundTransition: boolean };
    },
    batchSize: number,
  ): Promise<number> {
    const dataSource = await this.ports.dataSources.get(org, save.share.dataSourceId);
    if (dataSource === null) throw DomainError.notFound('data source', save.share.dataSourceId);
    const sharedAudienceId = await existingTarget(catalog, save.share.target, dataSource);
    // The dry run stages nothing, so IDs shared by several profiles are de-duplicated here instead.
    const seen = new Set<string>();
    await populations.add(save.id, []);

    for await (const profiles of populations.profiles(save.input, batchSize)) {
      const userIds = exportIdsOf(profiles, dataSource);
      const candidates = [...new Set(userIds.filter((id): id is string => id !== null && !seen.has(id)))];
      const fresh = new Set(
        sharedAudienceId === null
          ? candidates
          : await this.ports.ledger.filterNew(org, sharedAudienceId, candidates),
      );
      const sent = profiles.filter((_, index) => {
        const id = userIds[index] ?? null;
        if (id === null || !fresh.has(id) || seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      if (save.share.outboundTransition)
        await populations.add(
          save.id,
          sent.map((profile) => profile.key),
        );
    }

    return seen.size;
  }
}

/** The shared audience a save would write to, when it exists already. */
async function existingTarget(
  catalog: SharedAudienceCatalog,
  target: ShareTarget,
  dataSource: SharedDataSource,
): Promise<string | null> {
  if ('sharedAudienceId' in target) {
    if ((await catalog.get(target.sharedAudienceId)) === null) {
      throw DomainError.notFound('shared audience', target.sharedAudienceId);
    }
    return target.sharedAudienceId;
  }
  const { name } = target.createSegment;
  const found = (await catalog.list()).find(
    (item) => item.kind === 'segment' && item.name === name && item.dataSourceId === dataSource.dataSourceId,
  );

  return found?.id ?? null;
}
