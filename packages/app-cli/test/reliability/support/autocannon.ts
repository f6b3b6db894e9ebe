import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of autocannon's JSON result the load suite reads. */
export interface LoadFigures {
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly requests: { readonly total: number; readonly average: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly '2xx': number;
  readonly '5xx': number;
  readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
}

/** What to fire: GETs through autocannon's CLI, or profile upserts with a fresh key each through the writer. */
export interface LoadPlan {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers: Record<string, string>;
  /** Upserts one profile per request, keyed by this prefix and a fresh UUID. */
  readonly writeKeyPrefix?: string;
}

const cli = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');
const writer = fileURLToPath(new URL('./loadWriter.ts', import.meta.url));

function argumentsFor(plan: LoadPlan): string[] {
  if (plan.writeKeyPrefix !== undefined) {
    const { url, connections, seconds, headers, writeKeyPrefix } = plan;
    return [
      '--import',
      'tsx',
      writer,
      JSON.stringify({ url, connections, seconds, headers, keyPrefix: writeKeyPrefix }),
    ];
  }
  const headers = Object.entries(plan.headers).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
  return [cli(), '-c', String(plan.connections), '-d', String(plan.seconds), ...headers, '-j', plan.url];
}

/** Runs autocannon 8 in its own process, so the load never shares the server's event loop. */
export function fireLoad(plan: LoadPlan): Promise<LoadFigures> {
  const args = argumentsFor(plan);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && stdout.trim().startsWith('{')) resolve(JSON.parse(stdout) as LoadFigures);
      else reject(new Error(`autocannon exited ${String(code)}: ${stderr.trim().slice(-300)}`));
    });
  });
}
