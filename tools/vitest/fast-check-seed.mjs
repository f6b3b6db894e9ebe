// Every property test in a run shares one seed: FC_SEED when given, a fresh one otherwise.
// The seed is printed beside any failing test so the failure can be replayed exactly.
import fc from 'fast-check';
import { onTestFailed, beforeEach } from 'vitest';

const fromEnv = process.env['FC_SEED'];
const seed =
  fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Date.now() ^ (Math.random() * 0x7fffffff);

if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${fromEnv}"`);

fc.configureGlobal({ seed, numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100) });

beforeEach(() => {
  onTestFailed(({ task }) => {
    console.error(`[fast-check] "${task.name}" failed; replay with FC_SEED=${seed}`);
  });
});
