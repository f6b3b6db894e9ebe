import { existsSync, readFileSync } from 'node:fs';

import { DomainError } from '@audience-bridge/domain';

import { configSchema, type Config } from './Config.js';

/** Reads `KEY=value` lines of a `.env` file; comments and blank lines are skipped, quotes removed. */
export function parseDotEnv(text: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match === null || line.trimStart().startsWith('#')) continue;
    const [, key = '', raw = ''] = match;
    entries[key] = raw.replace(/^(['"])(.*)\1$/, '$2');
  }
  return entries;
}

/**
 * The configuration from the environment, with a `.env` file in the working directory filling
 * what the environment leaves unset. Every problem is listed at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotEnvPath = '.env'): Config {
  const fromFile = existsSync(dotEnvPath) ? parseDotEnv(readFileSync(dotEnvPath, 'utf8')) : {};
  const merged = { ...fromFile, ...definedEntries(env) };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw DomainError.invalid(`invalid configuration: ${issues.join('; ')}`, issues);
  }
  return Object.freeze(parsed.data);
}

function definedEntries(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('AB_') && entry[1] !== undefined && entry[1] !== '',
    ),
  );
}
