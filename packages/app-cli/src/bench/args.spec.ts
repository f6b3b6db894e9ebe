import { describe, expect, it } from 'vitest';

import { parseBenchArgs } from './args.js';

describe('parseBenchArgs', () => {
  it('should default to the full size, every scenario and no JSON', () => {
    const args = parseBenchArgs([]);

    expect(args).toEqual({ quick: false, only: null, json: null });
  });

  it('should read --quick, --only and --json with a file', () => {
    const args = parseBenchArgs(['--quick', '--only', 'memory', '--json', 'out.json']);

    expect(args).toEqual({ quick: true, only: 'memory', json: { to: 'file', path: 'out.json' } });
  });

  it('should send JSON to stdout when --json has no file or is followed by an option', () => {
    const last = parseBenchArgs(['--json']);
    const middle = parseBenchArgs(['--json', '--quick']);

    expect(last.json).toEqual({ to: 'stdout' });
    expect(middle).toEqual({ quick: true, only: null, json: { to: 'stdout' } });
  });

  it('should refuse an unknown scenario, a missing one and an unknown option', () => {
    expect(() => parseBenchArgs(['--only', 'nope'])).toThrow(/--only takes one of/);
    expect(() => parseBenchArgs(['--only'])).toThrow(/--only takes one of/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument "--fast"/);
  });
});
