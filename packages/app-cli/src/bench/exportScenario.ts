import type { BenchRow } from './BenchRow.js';
import { runExportDiff } from './exportDiffScenario.js';
import { runExportFile } from './exportFileScenario.js';
import type { BenchSizes } from './sizes.js';

/** Scenario 3: the inbound file set writer, then the export diff on both databases. */
export async function runExport(sizes: BenchSizes): Promise<BenchRow[]> {
  return [runExportFile(sizes), ...(await runExportDiff(sizes))];
}
