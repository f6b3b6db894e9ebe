import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../config/loadConfig.js';
import { openAppContext, type AppContext } from './openAppContext.js';

describe('openAppContext on the embedded default', () => {
  let context: AppContext | undefined;

  afterEach(async () => {
    await context?.close();
  });

  it('wires SQLite and the emulator so a use case reaches both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ab-context-'));
    const config = loadConfig(
      {
        AB_DATA_DIR: join(dir, 'data'),
        AB_DATABASE_URL: `sqlite:${join(dir, 'data/ab.db')}`,
        AB_EXCHANGE: join(dir, 'exchange'),
        AB_LOG_LEVEL: 'silent',
      },
      join(dir, '.env'),
    );
    context = await openAppContext(config);
    const principal = {
      orgId: context.emulator!.population.orgId,
      subject: 'tester',
      authMethod: 'ims' as const,
    };

    const listed = await context.useCases.sharedAudiences.execute(principal, {});

    expect(listed.ok).toBe(true);
    expect(listed.ok && listed.value.some((item) => item.kind === 'segment')).toBe(true);
    expect(context.tokens.jwksUrl).toBe(`${context.emulator!.url}/ims/keys`);
  });
});
