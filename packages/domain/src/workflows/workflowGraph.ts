import type { Activity } from './WorkflowDocument.js';

/** The activities an activity reads from, in the order it names them. */
export function inputsOf(activity: Activity): readonly string[] {
  switch (activity.type) {
    case 'query':
    case 'readAudience':
      return [];
    case 'union':
    case 'intersection':
      return activity.inputs;
    case 'exclusion':
      return [activity.input, ...activity.exclude];
    default:
      return [activity.input];
  }
}

/**
 * Orders activities so that each comes after all its inputs, keeping document order where the
 * graph allows it; the activities left over (`cyclic`) are on or behind a cycle.
 */
export function topologicalOrder(activities: readonly Activity[]): {
  ordered: Activity[];
  cyclic: Activity[];
} {
  const placed = new Set<string>();
  const ordered: Activity[] = [];
  let remaining = [...activities];
  let progress = true;
  while (remaining.length > 0 && progress) {
    const ready = remaining.filter((activity) => inputsOf(activity).every((input) => placed.has(input)));
    progress = ready.length > 0;
    for (const activity of ready) {
      placed.add(activity.id);
      ordered.push(activity);
    }
    remaining = remaining.filter((activity) => !placed.has(activity.id));
  }

  return { ordered, cyclic: remaining };
}
