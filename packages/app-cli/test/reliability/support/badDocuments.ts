import type { Rng } from './random.js';

/** A workflow that validates: a query, an exclusion and a shared save. */
export function validWorkflow(index: number): Record<string, unknown> {
  return {
    name: `workflow ${index}`,
    activities: [
      { id: 'adults', type: 'query', filter: { field: 'attributes.age', op: 'gte', value: 18 } },
      { id: 'optedOut', type: 'query', filter: { field: 'optOut.all', op: 'eq', value: true } },
      { id: 'target', type: 'exclusion', input: 'adults', exclude: ['optedOut'] },
      {
        id: 'share',
        type: 'saveAudience',
        input: 'target',
        share: { target: { sharedAudienceId: '20001' }, dataSourceId: 'visitors', outboundTransition: false },
      },
    ],
  };
}

type Mutation = (doc: Record<string, unknown>, rng: Rng) => unknown;

const activitiesOf = (doc: Record<string, unknown>): Record<string, unknown>[] =>
  doc['activities'] as Record<string, unknown>[];

const mutations: Mutation[] = [
  () => null,
  (_doc, rng) => rng.pick([42, 'workflow', true, [], ['a']]),
  (doc) => ({ ...doc, activities: [] }),
  (doc) => ({ ...doc, name: '' }),
  (doc) => ({ activities: doc['activities'] }),
  (doc) => ({ ...doc, extra: 1 }),
  (doc, rng) => withActivity(doc, rng, (activity) => ({ ...activity, type: 'teleport' })),
  (doc, rng) => withActivity(doc, rng, (activity) => ({ ...activity, id: `9${String(activity['id'])}` })),
  (doc) => withNamed(doc, 'target', (activity) => ({ ...activity, input: 'nowhere' })),
  (doc) =>
    withNamed(doc, 'adults', (activity) => ({
      ...activity,
      filter: { field: 'attributes.age', op: 'between', value: 1 },
    })),
  (doc) =>
    withNamed(doc, 'adults', (activity) => ({
      ...activity,
      filter: { field: 'password', op: 'eq', value: 'x' },
    })),
  (doc) =>
    withNamed(doc, 'adults', (activity) => ({ ...activity, filter: { field: 'key', op: 'in', values: [] } })),
  (doc) => withNamed(doc, 'adults', (activity) => ({ ...activity, filter: { and: [] } })),
  (doc) => withNamed(doc, 'target', (activity) => ({ ...activity, input: 'share' })),
  (doc) => ({ ...doc, activities: [...activitiesOf(doc), activitiesOf(doc)[0]] }),
  (doc) =>
    withNamed(doc, 'share', (activity) => ({
      ...activity,
      share: { target: {}, dataSourceId: 'visitors', outboundTransition: false },
    })),
  (doc) => withNamed(doc, 'share', (activity) => ({ ...activity, share: undefined, audience: undefined })),
];

function withActivity(
  doc: Record<string, unknown>,
  rng: Rng,
  change: (activity: Record<string, unknown>) => unknown,
): unknown {
  const activities = activitiesOf(doc);
  const at = rng.int(0, activities.length - 1);
  return {
    ...doc,
    activities: activities.map((activity, index) => (index === at ? change(activity) : activity)),
  };
}

function withNamed(
  doc: Record<string, unknown>,
  id: string,
  change: (activity: Record<string, unknown>) => unknown,
): unknown {
  return {
    ...doc,
    activities: activitiesOf(doc).map((activity) => (activity['id'] === id ? change(activity) : activity)),
  };
}

/** A workflow document broken in one random way (shape, ids, references, cycles, filters, targets). */
export function badWorkflow(rng: Rng, index: number): unknown {
  return rng.pick(mutations)(validWorkflow(index), rng);
}

/** Filter documents that the filter schema must refuse. */
export function badFilter(rng: Rng): unknown {
  const kinds: (() => unknown)[] = [
    () => ({}),
    () => ({ field: 'email' }),
    () => ({ field: 'email', op: 'eq' }),
    () => ({ field: 'email', op: 'like', value: '%' }),
    () => ({ field: 'attributes.9bad', op: 'eq', value: 1 }),
    () => ({ field: 'email', op: 'eq', value: { nested: true } }),
    () => ({ field: 'email', op: 'in', values: [] }),
    () => ({ and: [] }),
    () => ({ or: [{ field: 'key', op: 'exists' }], extra: 1 }),
    () => ({ not: [] }),
    () => ({ field: 'key', op: 'exists', value: rng.int(0, 9) }),
    () => rng.pick([null, 1, 'email', []]),
  ];
  return rng.pick(kinds)();
}
