import { statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { json, runCli, sandbox } from './cli.js';

describe('login and principals', () => {
  it('should refuse an import without a login with exit 3 and say to log in', async () => {
    const box = sandbox();

    const result = await runCli(
      ['audiences', 'import', '--label', 'L', '--shared-audience', '20001', '--data-source', 'x'],
      box,
    );

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('audience-bridge login');
  });

  it('should cache a token owner-only and use it as an IMS principal', async () => {
    const box = sandbox();

    const login = await runCli(['login', '--json'], box);
    const listed = await runCli(['datasources', 'list', '--json'], box);

    expect(login.code).toBe(0);
    expect(json(login)).toMatchObject({ orgId: 'EMULATOR0000000000000000@AdobeOrg', authMethod: 'ims' });
    expect(login.stdout).not.toContain('eyJ');
    expect(statSync(join(box.dir, 'config')).mode & 0o777).toBe(0o700);
    expect(statSync(join(box.dir, 'config', 'token.json')).mode & 0o777).toBe(0o600);
    expect(listed.code).toBe(0);
    expect(json<unknown[]>(listed)).toEqual([]);
  });

  it('should exit 3 when IMS refuses the credentials', async () => {
    const box = sandbox();
    box.env['AB_IMS_CLIENT_ID'] = 'audience-bridge';
    box.env['AB_IMS_CLIENT_SECRET'] = 'wrong-secret';

    const result = await runCli(['login'], box);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('AB_IMS_CLIENT_SECRET');
    expect(result.stderr).not.toContain('wrong-secret');
  });

  it('should treat a tampered cached token as no login for imports', async () => {
    const box = sandbox();
    await runCli(['login'], box);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(box.dir, 'config', 'token.json'),
      JSON.stringify({ accessToken: 'a.b.c', expiresAt: '2099-01-01', imsUrl: 'x' }),
    );

    const result = await runCli(['audiences', 'sync', '--all'], box);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('not valid');
  });
});
