import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { json, runCli, sandbox } from './cli.js';

interface ImportReport {
  read: number;
  inserted: number;
  updated: number;
  rejected: { line: number; reasons: string[] }[];
}

describe('profiles import', () => {
  it('should load a CSV, report bad rows by line and keep the good ones', async () => {
    const box = sandbox();
    const file = join(box.dir, 'people.csv');
    writeFileSync(
      file,
      [
        'key,email,mobilePhone,visitorId,customKeys.crmId,attributes.tier,optOut.email',
        'C1,Ann@Example.com,,,CRM1,gold,false',
        'C2,not-an-email,,,CRM2,silver,no',
        'C3,c3@example.com,,123,CRM3,,yes',
        'C4,c4@example.com,,,CRM4,bronze,true',
      ].join('\n'),
    );

    const first = await runCli(['profiles', 'import', file, '--json'], box);
    const again = await runCli(['profiles', 'import', file, '--json'], box);

    expect(first.code).toBe(0);
    const report = json<ImportReport>(first);
    expect(report).toMatchObject({ read: 4, inserted: 2, updated: 0 });
    expect(report.rejected.map((row) => row.line)).toEqual([3, 4]);
    expect(report.rejected[0]?.reasons.join()).toContain('email');
    expect(report.rejected[1]?.reasons.join()).toContain('visitorId');
    expect(json<ImportReport>(again)).toMatchObject({ inserted: 0, updated: 2 });
  });

  it('should load NDJSON, reporting a bad JSON line without failing the load', async () => {
    const box = sandbox();
    const file = join(box.dir, 'people.ndjson');
    writeFileSync(
      file,
      [
        '{"key":"N1","email":"n1@example.com"}',
        '{"key":',
        '',
        '{"key":"N2","attributes":{"vip":true}}',
        '{"nokey":1}',
      ].join('\n'),
    );

    const result = await runCli(['profiles', 'import', file, '--json'], box);

    expect(result.code).toBe(0);
    const report = json<ImportReport>(result);
    expect(report).toMatchObject({ read: 4, inserted: 2 });
    expect(report.rejected.map((row) => row.line)).toEqual([2, 5]);
    expect(report.rejected[0]?.reasons.join()).toContain('bad JSON');
  });

  it('should exit 2 for a missing file, an unknown format or an unknown CSV column', async () => {
    const box = sandbox();
    const bad = join(box.dir, 'bad.csv');
    writeFileSync(bad, 'key,shoeSize\nA,42\n');
    writeFileSync(join(box.dir, 'people.txt'), '');

    const missing = await runCli(['profiles', 'import', join(box.dir, 'none.csv')], box);
    const format = await runCli(['profiles', 'import', join(box.dir, 'people.txt')], box);
    const column = await runCli(['profiles', 'import', bad], box);

    expect(missing.code).toBe(2);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format');
    expect(column.code).toBe(2);
    expect(column.stderr).toContain('shoeSize');
  });
});
