import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The figures of autocannon's `--json` output the bench reads. */
export interface LoadResult {
  readonly latency: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly requests: { readonly average: number; readonly total: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly duration: number;
}

/** Where autocannon 8 (a root devDependency) keeps its command line. */
function autocannonCli(): string {
  return join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');
}

/**
 * Fires GETs at a fixed overall rate from a separate node process, so that the load generator never
 * shares the event loop of the server it measures.
 */
export function runAutocannon(
  url: string,
  options: { seconds: number; rate: number; headers: Record<string, string> },
): Promise<LoadResult> {
  const headers = Object.entries(options.headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  const args = [
    autocannonCli(),
    '-c',
    '10',
    '-d',
    String(options.seconds),
    '-R',
    String(options.rate),
    ...headers,
    '-j',
    url,
  ];

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && stdout.trim().startsWith('{')) resolve(JSON.parse(stdout) as LoadResult);
      else reject(new Error(`autocannon exited ${String(code)}: ${stderr.trim().slice(-300)}`));
    });
  });
}
