// A worker process for the distributed-shape test: `audience-bridge worker` with a short poll.
import { loadConfig } from '../../src/config/loadConfig.js';
import { runWorker } from '../../src/runWorker.js';

await runWorker(loadConfig(process.env, '/nonexistent/.env'), {
  pgBoss: { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 },
});
