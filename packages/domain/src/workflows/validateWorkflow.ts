import type { z } from 'zod';

import type { PopulationKind } from '../ports/TargetingStore.js';
import { err, ok, type Result } from '../shared/Result.js';
import { inputsOf, topologicalOrder } from './workflowGraph.js';
import { workflowDocumentSchema, type Activity, type WorkflowDocument } from './WorkflowDocument.js';

/** What a population holds, as far as it is known before the run: a read audience may be either. */
export type PlannedKind = PopulationKind | 'unknown';

/** A workflow that passed every check, ready to run activity by activity. */
export interface WorkflowPlan {
  readonly document: WorkflowDocument;
  /** Every activity, each after all of its inputs. */
  readonly activities: readonly Activity[];
  /** The kind of population each activity produces, by activity id. */
  readonly kinds: Readonly<Record<string, PlannedKind>>;
}

const issuesOf = (error: z.ZodError): string[] =>
  error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
  );

function duplicateIds(activities: readonly Activity[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { id } of activities) {
    if (seen.has(id)) problems.push(`activity id "${id}" is used more than once`);
    seen.add(id);
  }

  return problems;
}

function edgeProblems(activities: readonly Activity[]): string[] {
  const byId = new Map(activities.map((activity) => [activity.id, activity]));
  const problems: string[] = [];
  for (const activity of activities) {
    for (const input of inputsOf(activity)) {
      const source = byId.get(input);
      if (source === undefined)
        problems.push(`activity "${activity.id}" reads "${input}", which does not exist`);
      else if (source.type === 'saveAudience' && source.share?.outboundTransition === false) {
        problems.push(
          `activity "${activity.id}" reads "${input}", a shared save without outbound transition`,
        );
      }
    }
  }

  return problems;
}

const same = (kinds: readonly PlannedKind[]): PlannedKind | null => {
  const known = new Set(kinds.filter((kind) => kind !== 'unknown'));
  if (known.size > 1) return null;

  return [...known][0] ?? 'unknown';
};

/** What the caller knows of the audiences a workflow reads: a file audience holds addresses. */
export type AudienceKindLookup = (audienceId: string) => PlannedKind;

const unknownAudiences: AudienceKindLookup = () => 'unknown';

/** The kind an activity produces from its inputs' kinds, or the problem when they do not fit. */
function kindOf(
  activity: Activity,
  inputs: readonly PlannedKind[],
  audienceKind: AudienceKindLookup,
): Result<PlannedKind, string> {
  switch (activity.type) {
    case 'query':
      return ok('profiles');
    case 'readAudience':
      return ok(audienceKind(activity.audienceId));
    case 'reconcile':
      return inputs[0] === 'profiles'
        ? err(`activity "${activity.id}" reconciles addresses, but its input holds profiles`)
        : ok('profiles');
    case 'saveAudience':
      return inputs[0] === 'addresses'
        ? err(`activity "${activity.id}" saves profiles, but its input holds addresses: reconcile them first`)
        : ok('profiles');
    default: {
      const kind = same(inputs);

      return kind === null
        ? err(`activity "${activity.id}" combines profiles with addresses: reconcile the addresses first`)
        : ok(kind);
    }
  }
}

function plannedKinds(
  ordered: readonly Activity[],
  audienceKind: AudienceKindLookup,
): { kinds: Record<string, PlannedKind>; problems: string[] } {
  const kinds: Record<string, PlannedKind> = {};
  const problems: string[] = [];
  for (const activity of ordered) {
    const kind = kindOf(
      activity,
      inputsOf(activity).map((input) => kinds[input] ?? 'unknown'),
      audienceKind,
    );
    if (!kind.ok) problems.push(kind.error);
    kinds[activity.id] = kind.ok ? kind.value : 'unknown';
  }

  return { kinds, problems };
}

/**
 * Checks a workflow document fully before it is saved or run: its shape, unique ids, inputs that
 * exist, no cycle, set operations over one kind of population, reconcile over addresses, and no
 * reading past a shared save whose outbound transition is off. Lists every problem found. Kinds
 * are checked as far as they are known: pass `audienceKind` to say which read audiences hold addresses.
 */
export function validateWorkflow(
  doc: unknown,
  audienceKind: AudienceKindLookup = unknownAudiences,
): Result<WorkflowPlan, string[]> {
  const parsed = workflowDocumentSchema.safeParse(doc);
  if (!parsed.success) return err(issuesOf(parsed.error));

  const { activities } = parsed.data;
  const graphProblems = [...duplicateIds(activities), ...edgeProblems(activities)];
  if (graphProblems.length > 0) return err(graphProblems);

  const { ordered, cyclic } = topologicalOrder(activities);
  if (cyclic.length > 0) {
    return err([`activities ${cyclic.map(({ id }) => `"${id}"`).join(', ')} form or follow a cycle`]);
  }

  const { kinds, problems } = plannedKinds(ordered, audienceKind);

  return problems.length > 0 ? err(problems) : ok({ document: parsed.data, activities: ordered, kinds });
}
