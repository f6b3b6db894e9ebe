import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DomainError } from '@audience-bridge/domain';
import { describe, expect, it } from 'vitest';

import { parseDuration } from './duration.js';
import { loadConfig, parseDotEnv } from './loadConfig.js';

const noFile = join(tmpdir(), 'audience-bridge-no-such.env');

describe('loadConfig', () => {
  it('gives the embedded default when nothing is set', () => {
    const config = loadConfig({}, noFile);

    expect(config.AB_DATABASE_URL).toBe('sqlite:./data/audience-bridge.db');
    expect(config.AB_PEOPLECORE_URL).toBe('embedded');
    expect(config.AB_SYNC_INTERVAL).toBe(3_600_000);
    expect(config.AB_PORT).toBe(3000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lets the environment win over a .env file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ab-config-'));
    const path = join(dir, '.env');
    writeFileSync(path, '# comment\nAB_PORT=4000\nAB_LOG_LEVEL="debug"\n');

    const config = loadConfig({ AB_PORT: '5000' }, path);

    expect(config.AB_PORT).toBe(5000);
    expect(config.AB_LOG_LEVEL).toBe('debug');
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ AB_DATABASE_URL: 'mysql://x', AB_SYNC_INTERVAL: 'hourly', AB_PORT: '-1' }, noFile);
    } catch (caught) {
      error = caught;
    }

    expect(DomainError.is(error, 'VALIDATION.INVALID_INPUT')).toBe(true);
    const issues = (error as DomainError).details['issues'] as string[];
    expect(issues.map((issue) => issue.split(':')[0])).toEqual([
      'AB_DATABASE_URL',
      'AB_SYNC_INTERVAL',
      'AB_PORT',
    ]);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1d', 86_400_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'hourly', '10', '1h junk', '5x'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('parseDotEnv', () => {
  it('reads exported, quoted and plain values', () => {
    expect(parseDotEnv("export A=1\nB='two'\n  C = three \n#D=4\n")).toEqual({
      A: '1',
      B: 'two',
      C: 'three',
    });
  });
});
