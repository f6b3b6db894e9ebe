import { runApi } from './apiScenario.js';
import type { ScenarioName } from './args.js';
import type { BenchRow } from './BenchRow.js';
import { runDecryption } from './decryptionScenario.js';
import { runExport } from './exportScenario.js';
import { runMemory } from './memoryScenario.js';
import { runReconciliation } from './reconciliationScenario.js';
import type { BenchSizes } from './sizes.js';

/** One scenario: measures its variants and returns their rows; it never asserts. */
export type Scenario = (sizes: BenchSizes) => Promise<BenchRow[]>;

/** Every scenario by name. */
export const scenarios: Record<ScenarioName, Scenario> = {
  reconciliation: runReconciliation,
  decryption: runDecryption,
  export: runExport,
  memory: runMemory,
  api: runApi,
};
