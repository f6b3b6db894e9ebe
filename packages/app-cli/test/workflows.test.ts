import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { json, runCli, sandbox } from './cli.js';

const listWorkflow = {
  name: 'Golds',
  activities: [
    { id: 'golds', type: 'query', filter: { field: 'attributes.tier', op: 'eq', value: 'gold' } },
    {
      id: 'keep',
      type: 'saveAudience',
      input: 'golds',
      audience: { label: 'Gold members', mode: 'replace' },
    },
  ],
};

describe('workflows and export', () => {
  it('should validate, create, list, show and start a workflow without a login when it does not export', async () => {
    const box = sandbox();
    const people = join(box.dir, 'people.ndjson');
    writeFileSync(
      people,
      ['{"key":"A","attributes":{"tier":"gold"}}', '{"key":"B","attributes":{"tier":"silver"}}'].join('\n'),
    );
    const file = join(box.dir, 'golds.json');
    writeFileSync(file, JSON.stringify(listWorkflow));
    await runCli(['profiles', 'import', people], box);

    const valid = await runCli(['workflows', 'validate', file, '--json'], box);
    const created = await runCli(['workflows', 'create', file, '--json'], box);
    const id = json<{ id: string }>(created).id;
    const listed = await runCli(['workflows', 'list'], box);
    const shown = await runCli(['workflows', 'show', id, '--json'], box);
    const started = await runCli(['workflows', 'start', id, '--json'], box);

    expect(json(valid)).toEqual({
      valid: true,
      name: 'Golds',
      activities: [
        { id: 'golds', type: 'query', estimated: 1 },
        { id: 'keep', type: 'saveAudience', estimated: 1 },
      ],
    });
    expect(listed.stdout).toContain(id);
    expect(json(shown)).toMatchObject({ id, name: 'Golds' });
    expect(started.code).toBe(0);
    expect(json<{ status: string; report: { activities: Record<string, number> } }>(started)).toMatchObject({
      status: 'succeeded',
      report: { activities: { golds: 1, keep: 1 } },
    });
  });

  it('should exit 2 listing every problem of an invalid workflow, and for bad JSON', async () => {
    const box = sandbox();
    const file = join(box.dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'Bad',
        activities: [
          { id: 'keep', type: 'saveAudience', input: 'missing', audience: { label: 'x', mode: 'replace' } },
        ],
      }),
    );
    const broken = join(box.dir, 'broken.json');
    writeFileSync(broken, '{ "name": ');

    const invalid = await runCli(['workflows', 'validate', file], box);
    const notJson = await runCli(['workflows', 'create', broken], box);

    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('missing');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');
  });

  it('should refuse an export without a login with exit 3', async () => {
    const box = sandbox();
    const file = join(box.dir, 'export.json');
    writeFileSync(file, JSON.stringify(listWorkflow));

    const result = await runCli(['export', file], box);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('audience-bridge login');
  });
});
