import type { Activity, AudienceRepository, OrgId, ProfileRepository, WorkflowPlan } from '@audience-bridge/domain';

/** How far an activity's estimated population can be trusted. */
export type EstimateQuality = 'exact' | 'upperBound' | 'unknown';

export interface ActivityEstimate {
  readonly id: string;
  readonly type: Activity['type'];
  readonly kind: 'profiles' | 'addresses' | 'unknown';
  readonly estimatedCount: number | null;
  readonly estimate: EstimateQuality;
}

type Estimate = Pick<ActivityEstimate, 'estimatedCount' | 'estimate'>;

const unknown: Estimate = { estimatedCount: null, estimate: 'unknown' };

/** Combines input estimates with `combine`; the result is at best an upper bound. */
function bound(inputs: readonly Estimate[], combine: (counts: number[]) => number): Estimate {
  const counts = inputs.map((input) => input.estimatedCount);
  if (counts.some((count) => count === null)) return unknown;

  return { estimatedCount: combine(counts as number[]), estimate: 'upperBound' };
}

/**
 * Estimates each activity's population of a valid workflow without writing anything: queries are
 * counted, read audiences give their member count, set operations and reconciliation give an upper bound.
 */
export async function estimateWorkflow(
  org: OrgId,
  plan: WorkflowPlan,
  ports: { readonly profiles: Pick<ProfileRepository, 'count'>; readonly audiences: Pick<AudienceRepository, 'get'> },
): Promise<ActivityEstimate[]> {
  const byId = new Map<string, Estimate>();
  const of = (id: string): Estimate => byId.get(id) ?? unknown;
  const estimates: ActivityEstimate[] = [];
  for (const activity of plan.activities) {
    const estimate = await estimateOne(org, activity, of, ports);
    byId.set(activity.id, estimate);
    estimates.push({ id: activity.id, type: activity.type, kind: plan.kinds[activity.id] ?? 'unknown', ...estimate });
  }

  return estimates;
}

async function estimateOne(
  org: OrgId,
  activity: Activity,
  of: (id: string) => Estimate,
  ports: { readonly profiles: Pick<ProfileRepository, 'count'>; readonly audiences: Pick<AudienceRepository, 'get'> },
): Promise<Estimate> {
  switch (activity.type) {
    case 'query':
      return { estimatedCount: await ports.profiles.count(org, activity.filter), estimate: 'exact' };
    case 'readAudience': {
      const audience = await ports.audiences.get(org, activity.audienceId);
      return audience === null ? unknown : { estimatedCount: audience.memberCount, estimate: 'exact' };
    }
    case 'union':
      return bound(activity.inputs.map(of), (counts) => counts.reduce((sum, count) => sum + count, 0));
    case 'intersection':
      return bound(activity.inputs.map(of), (counts) => Math.min(...counts));
    case 'exclusion':
    case 'reconcile':
      return bound([of(activity.input)], (counts) => counts[0] ?? 0);
    case 'saveAudience':
      return of(activity.input);
  }
}
