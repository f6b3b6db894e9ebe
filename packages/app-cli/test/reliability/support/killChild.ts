import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { crashChildBundle } from './childBundle.js';
import type { CrashJob } from './crashChild.js';

const packageRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** When to kill: after a delay from `start`, or at the n-th progress line (plus a delay). */
export type KillPoint =
  { readonly afterMs: number } | { readonly atProgress: number; readonly afterMs: number };

/** How a killed run ended: killed (and at what), or finished before the kill point came. */
export interface KillOutcome {
  readonly killed: boolean;
  readonly finished: 'done' | 'failed' | null;
  readonly progressSeen: number;
  readonly msAfterStart: number;
}

/** A child started and ready (its app context open), waiting for `go`. */
export interface ReadyChild {
  strike(point: KillPoint): Promise<KillOutcome>;
}

/** Starts a crash child (compiled from the workspace sources); resolves once it printed `ready`. */
export async function startCrashChild(job: CrashJob): Promise<ReadyChild> {
  const script = await crashChildBundle();
  const child = spawn(process.execPath, [script, JSON.stringify(job)], {
    cwd: packageRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const onLine = (line: string): void => {
      if (line === 'ready') resolve({ strike: (point) => strike(child, point, () => errors) });
    };
    lineReader(child, onLine);
    child.once('exit', (code) => {
      reject(new Error(`crash child exited (${code}) before it was ready: ${errors.slice(0, 2000)}`));
    });
  });
}

function lineReader(child: ChildProcessWithoutNullStreams, onLine: (line: string) => void): void {
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line.trim());
  });
}

function strike(
  child: ChildProcessWithoutNullStreams,
  point: KillPoint,
  errors: () => string,
): Promise<KillOutcome> {
  let startedAt = 0;
  let progressSeen = 0;
  let finished: KillOutcome['finished'] = null;
  let armed = false;
  const arm = (): void => {
    if (armed) return;
    armed = true;
    setTimeout(() => child.kill('SIGKILL'), point.afterMs);
  };
  lineReader(child, (line) => {
    if (line === 'start') {
      startedAt = performance.now();
      if (!('atProgress' in point)) arm();
    } else if (line.startsWith('progress')) {
      progressSeen += 1;
      if ('atProgress' in point && progressSeen >= point.atProgress) arm();
    } else if (line === 'done' || line.startsWith('failed')) {
      finished = line === 'done' ? 'done' : 'failed';
    }
  });
  return new Promise((resolve, reject) => {
    child.removeAllListeners('exit');
    child.once('exit', (code, signal) => {
      const msAfterStart = startedAt === 0 ? 0 : performance.now() - startedAt;
      if (signal !== 'SIGKILL' && code !== 0)
        reject(new Error(`crash child failed (${code}): ${errors().slice(0, 2000)}`));
      else resolve({ killed: signal === 'SIGKILL', finished, progressSeen, msAfterStart });
    });
    child.stdin.write('go\n');
  });
}
