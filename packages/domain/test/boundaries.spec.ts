import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

import nx from '@nx/eslint-plugin';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { boundaryRuleOptions } from '../../../tools/eslint/boundaries.mjs';

// The dependency rule is what keeps the domain pure; this proves the lint rule rejects a violation.
const workspaceRoot = resolve(import.meta.dirname, '../../..');

async function lintDomainFile(source: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: workspaceRoot,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@nx': nx as unknown as ESLint.Plugin },
        rules: { '@nx/enforce-module-boundaries': ['error', boundaryRuleOptions] },
      },
    ],
  });
  const [result] = await eslint.lintText(source, {
    filePath: resolve(workspaceRoot, 'packages/domain/src/probe.ts'),
  });

  return (result?.messages ?? []).map((message) => message.message);
}

describe('the hexagon boundary', () => {
  // The rule reads the project graph Nx caches in the workspace; without it the rule skips itself.
  beforeAll(() => {
    execFileSync(resolve(workspaceRoot, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: workspaceRoot,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
  }, 60_000);

  it('rejects an ORM import in the domain', async () => {
    const messages = await lintDomainFile(
      "import { MikroORM } from '@mikro-orm/core';\nexport const orm = MikroORM;\n",
    );

    expect(messages.join('\n')).toMatch(/type:domain.*not allowed to import.*@mikro-orm\/core/s);
  });

  it('rejects an adapter package import in the domain', async () => {
    const messages = await lintDomainFile(
      "import * as adapter from '@audience-bridge/adapters-persistence';\nexport const a = adapter;\n",
    );

    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(/circular|type:domain|not allowed/i);
  });

  it('accepts the pure libraries on the allow-list', async () => {
    const messages = await lintDomainFile("import { z } from 'zod';\nexport const schema = z.string();\n");

    expect(messages).toEqual([]);
  });
});
