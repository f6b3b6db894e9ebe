import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/audience-bridge.js', import.meta.url));

/** What a CLI run left: its exit code and both streams. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh temporary folder and the environment that points every path of the CLI into it. */
export function sandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'ab-cli-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: dir,
    AB_DATA_DIR: join(dir, 'data'),
    AB_DATABASE_URL: `sqlite:${join(dir, 'data', 'ab.db')}`,
    AB_EXCHANGE: join(dir, 'exchange'),
    AB_CONFIG_DIR: join(dir, 'config'),
  };

  return { dir, env };
}

/** Runs the built `audience-bridge` binary in `dir` with the given environment and stdin. */
export function runCli(
  args: readonly string[],
  box: { dir: string; env: NodeJS.ProcessEnv },
  input?: string,
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd: box.dir, env: box.env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(input ?? '');
  });
}

/** Parses stdout as exactly one JSON document. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the document shape it expects
export const json = <T = Record<string, unknown>>(result: CliResult): T => JSON.parse(result.stdout) as T;
