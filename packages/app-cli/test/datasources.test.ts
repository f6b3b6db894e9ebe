import { describe, expect, it } from 'vitest';

import { json, runCli, sandbox } from './cli.js';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const IV = '0102030405060708090a0b0c0d0e0f10';

describe('datasources and shared audiences', () => {
  it('should add sources, never print their AES key, and refuse a duplicate or a bad key', async () => {
    const box = sandbox();
    const aes = [
      'datasources',
      'add',
      'crm-emails',
      '--label',
      'CRM emails',
      '--dpid',
      '163402',
      '--destination',
      '5102',
      '--key',
      'email',
      '--channel',
      'email',
      '--encryption',
      'aes-256-cbc',
    ];

    const added = await runCli([...aes, '--aes-from-stdin', '--json'], box, `${KEY}\n${IV}\n`);
    const duplicate = await runCli([...aes, '--aes-key', KEY, '--aes-iv', IV], box);
    const badKey = await runCli(
      ['datasources', 'add', 'short', ...aes.slice(3), '--aes-key', 'abcd', '--aes-iv', IV],
      box,
    );
    const noKey = await runCli(['datasources', 'add', 'nokey', ...aes.slice(3)], box);
    const shown = await runCli(['datasources', 'show', 'crm-emails', '--json'], box);
    const listed = await runCli(['datasources', 'list'], box);

    expect(added.code).toBe(0);
    expect(json(added)).toMatchObject({ id: 'crm-emails', encryption: { algorithm: 'aes-256-cbc' } });
    expect(added.stdout + shown.stdout + listed.stdout).not.toContain(KEY);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('already exists');
    expect(badKey.code).toBe(2);
    expect(noKey.code).toBe(2);
    expect(listed.stdout).toMatch(/crm-emails\s+CRM emails\s+163402\s+5102\s+email\s+email\s+aes-256-cbc/);
  });

  it('should exit 2 for an unknown data source and a bad reconciliation key', async () => {
    const box = sandbox();

    const missing = await runCli(['datasources', 'show', 'nope'], box);
    const badKey = await runCli(
      ['datasources', 'add', 'x', '--label', 'X', '--dpid', '1', '--key', 'phone'],
      box,
    );

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('data source nope was not found');
    expect(badKey.code).toBe(2);
  });

  it('should list the emulator segments and traits', async () => {
    const result = await runCli(['shared-audiences', 'list', '--kind', 'segment', '--json'], sandbox());

    expect(result.code).toBe(0);
    const items = json<{ id: string; kind: string }[]>(result);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.kind === 'segment')).toBe(true);
  });
});
