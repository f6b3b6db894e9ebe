import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

/** An IMS access token as `audience-bridge login` keeps it; the token itself is never printed. */
export interface CachedToken {
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly imsUrl: string;
}

const cachedTokenSchema = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.string(),
  imsUrl: z.string(),
});

/** The user's Audience Bridge config folder: `AB_CONFIG_DIR`, else under `XDG_CONFIG_HOME` or `~/.config`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['AB_CONFIG_DIR'] !== undefined && env['AB_CONFIG_DIR'] !== '') return env['AB_CONFIG_DIR'];
  const base =
    env['XDG_CONFIG_HOME'] !== undefined && env['XDG_CONFIG_HOME'] !== ''
      ? env['XDG_CONFIG_HOME']
      : join(homedir(), '.config');

  return join(base, 'audience-bridge');
}

/** Where the cached token lives. */
export const tokenPath = (env: NodeJS.ProcessEnv = process.env): string => join(configDir(env), 'token.json');

/** Keeps a token for later commands: folder readable by the owner only (0700), file 0600. */
export function saveToken(token: CachedToken, env: NodeJS.ProcessEnv = process.env): string {
  const folder = configDir(env);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  const path = tokenPath(env);
  writeFileSync(path, `${JSON.stringify(token)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);

  return path;
}

/** The cached token, or `null` when there is none or it cannot be read. */
export function readToken(env: NodeJS.ProcessEnv = process.env): CachedToken | null {
  const path = tokenPath(env);
  if (!existsSync(path)) return null;
  try {
    const parsed = cachedTokenSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Forgets the cached token. */
export function removeToken(env: NodeJS.ProcessEnv = process.env): void {
  rmSync(tokenPath(env), { force: true });
}
