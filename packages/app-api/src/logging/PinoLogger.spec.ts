import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { PinoLogger } from './PinoLogger.js';

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

describe('PinoLogger', () => {
  it('censors secrets wherever they sit in the fields', () => {
    const { lines, stream } = capture();
    const logger = PinoLogger.create('info', stream);

    logger.child({ runId: 'run_1' }).info(
      {
        token: 'eyJsecret',
        dataSource: { encryption: { key: 'aabbcc', iv: 'ddeeff' } },
        clientSecret: 's3cr3t',
      },
      'token refreshed',
    );

    const text = lines.join('');
    expect(text).toContain('"runId":"run_1"');
    expect(text).toContain('token refreshed');
    for (const secret of ['eyJsecret', 'aabbcc', 'ddeeff', 's3cr3t']) expect(text).not.toContain(secret);
  });
});
