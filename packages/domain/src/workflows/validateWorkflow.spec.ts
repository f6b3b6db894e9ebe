import { describe, expect, it } from 'vitest';

import { validateWorkflow } from './validateWorkflow.js';

const query = (id: string) => ({
  id,
  type: 'query',
  filter: { field: 'optOut.all', op: 'eq', value: false },
});
const share = (id: string, input: string, outboundTransition: boolean) => ({
  id,
  type: 'saveAudience',
  input,
  share: { target: { sharedAudienceId: '1' }, dataSourceId: 'ds-1', outboundTransition },
});

const problemsOf = (activities: unknown[]) => {
  const result = validateWorkflow({ name: 'w', activities }, (id) =>
    id === 'aud-file' ? 'addresses' : 'profiles',
  );

  return result.ok ? [] : result.error;
};

describe('validateWorkflow', () => {
  it('should order activities after their inputs and tell each population kind', () => {
    const result = validateWorkflow({
      name: 'export buyers',
      activities: [
        { id: 'save', type: 'saveAudience', input: 'exported', audience: { label: 'Sent', mode: 'append' } },
        share('exported', 'both', true),
        { id: 'both', type: 'union', inputs: ['a', 'b'] },
        query('a'),
        { id: 'b', type: 'reconcile', input: 'file', key: 'email' },
        { id: 'file', type: 'readAudience', audienceId: 'aud-1' },
      ],
    });

    expect(result.ok && result.value.activities.map(({ id }) => id)).toEqual([
      'a',
      'file',
      'b',
      'both',
      'exported',
      'save',
    ]);
    expect(result.ok && result.value.kinds).toEqual({
      a: 'profiles',
      file: 'unknown',
      b: 'profiles',
      both: 'profiles',
      exported: 'profiles',
      save: 'profiles',
    });
  });

  it('should refuse duplicate ids and inputs that do not exist', () => {
    expect(problemsOf([query('a'), query('a'), { id: 'u', type: 'union', inputs: ['a', 'ghost'] }])).toEqual([
      'activity id "a" is used more than once',
      'activity "u" reads "ghost", which does not exist',
    ]);
  });

  it('should refuse a cycle', () => {
    const problems = problemsOf([
      query('a'),
      { id: 'x', type: 'exclusion', input: 'a', exclude: ['y'] },
      { id: 'y', type: 'union', inputs: ['a', 'x'] },
    ]);

    expect(problems).toEqual(['activities "x", "y" form or follow a cycle']);
  });

  it('should refuse reading past a shared save whose outbound transition is off', () => {
    const problems = problemsOf([
      query('a'),
      share('s', 'a', false),
      { id: 'after', type: 'union', inputs: ['a', 's'] },
    ]);

    expect(problems).toEqual(['activity "after" reads "s", a shared save without outbound transition']);
  });

  it('should refuse reconciling profiles and combining profiles with addresses', () => {
    const problems = problemsOf([
      query('a'),
      { id: 'r', type: 'reconcile', input: 'a', key: 'email' },
      { id: 'file', type: 'readAudience', audienceId: 'aud-file' },
      { id: 'addresses', type: 'union', inputs: ['file', 'file'] },
      { id: 'mixed', type: 'intersection', inputs: ['a', 'addresses'] },
      share('sent', 'file', true),
    ]);

    expect(problems).toEqual([
      'activity "r" reconciles addresses, but its input holds profiles',
      'activity "sent" saves profiles, but its input holds addresses: reconcile them first',
      'activity "mixed" combines profiles with addresses: reconcile the addresses first',
    ]);
  });

  it('should list schema problems with their path', () => {
    const problems = problemsOf([{ id: '1bad', type: 'query', filter: { field: 'nowhere', op: 'exists' } }]);

    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith('activities.0'))).toBe(true);
  });
});
