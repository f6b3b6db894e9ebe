import { describe, expect, it } from 'vitest';

import { runCli, sandbox } from './cli.js';

describe('usage and help', () => {
  it('should list every command of design §8 and the exit codes in --help', async () => {
    const result = await runCli(['--help'], sandbox());

    expect(result.code).toBe(0);
    for (const name of [
      'demo',
      'serve',
      'worker',
      'db',
      'emulator',
      'login',
      'profiles',
      'datasources',
      'shared-audiences',
      'audiences',
      'workflows',
      'export',
      'runs',
    ]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    expect(result.stdout).toContain(
      'Exit codes: 0 ok, 1 a run failed, 2 bad usage or input, 3 not logged in',
    );
  });

  it('should show examples in a subcommand help', async () => {
    const result = await runCli(['audiences', 'import', '--help'], sandbox());

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--force-reconciliation');
    expect(result.stdout).toContain('$ audience-bridge audiences import --label');
  });

  it('should exit 2 for an unknown command or a missing required option', async () => {
    const box = sandbox();

    const unknown = await runCli(['frobnicate'], box);
    const missing = await runCli(['audiences', 'import', '--label', 'x'], box);
    const badNumber = await runCli(['audiences', 'list', '--limit', 'many'], box);

    expect(unknown.code).toBe(2);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--shared-audience <id>' not specified");
    expect(badNumber.code).toBe(2);
  });

  it('should exit 2 with one JSON error document for bad configuration under --json', async () => {
    const box = sandbox();
    box.env['AB_DATABASE_URL'] = 'mysql://nope';

    const result = await runCli(['datasources', 'list', '--json'], box);

    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout) as { error: { code: string; message: string } };
    expect(document.error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
