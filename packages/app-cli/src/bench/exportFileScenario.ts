import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InboundFileSetWriter } from '@audience-bridge/adapters-peoplecore/formats';

import { judged, rateOf, type BenchRow } from './BenchRow.js';
import { median, progress, timedSync } from './measure.js';
import type { BenchSizes } from './sizes.js';
import { ecidAt } from './synthetic.js';
import type { Target } from './targets.js';

const TARGET: Target = { comparison: 'atLeast', limit: 1_000_000, unit: 'rows/s' };
const SEGMENT_SID = ['20001'];
/** Rows added between two `takeChunks`, as an upload session does per export batch. */
const ROWS_PER_TAKE = 10_000;

/** Writes one inbound delivery of `userIds` to files under `folder`, as the upload sink would store it. */
function writeDelivery(userIds: readonly string[], folder: string): { bytes: number; files: number } {
  const writer = new InboundFileSetWriter({ dpid: 900_001, timestampSec: 1_700_000_000 });
  const handles = new Map<string, number>();
  let bytes = 0;
  const store = (): void => {
    for (const chunk of writer.takeChunks()) {
      const handle = handles.get(chunk.fileName) ?? openSync(join(folder, chunk.fileName), 'w');
      handles.set(chunk.fileName, handle);
      writeSync(handle, chunk.bytes);
      bytes += chunk.bytes.length;
    }
  };
  userIds.forEach((userId, index) => {
    writer.add(userId, SEGMENT_SID);
    if ((index + 1) % ROWS_PER_TAKE === 0) store();
  });
  const set = writer.finish();
  store();
  for (const handle of handles.values()) closeSync(handle);

  return { bytes, files: set.files.length };
}

/** Scenario 3a: the AAM inbound file set (gzip, control file measurements) for N exported profiles. */
export function runExportFile(sizes: BenchSizes): BenchRow {
  const total = sizes.exportRows;
  const userIds = Array.from({ length: total }, (_, index) => ecidAt(index));
  const folder = mkdtempSync(join(tmpdir(), 'ab-bench-inbound-'));
  try {
    progress(`export: writing inbound files for ${total} profiles`);
    writeDelivery(userIds.slice(0, Math.floor(total / 10)), folder);
    const runs = Array.from({ length: sizes.repetitions }, () =>
      timedSync(() => writeDelivery(userIds, folder)),
    );
    const seconds = median(runs.map((run) => run.seconds));
    const last = runs[runs.length - 1]?.result;
    const rate = rateOf(total, seconds, 'rows/s');

    return judged({
      scenario: 'export',
      variant: 'inbound .sync file set (gzip level 1)',
      size: total,
      seconds,
      rate,
      target: TARGET,
      measured: rate?.value ?? null,
      note: `${last?.files ?? 0} file(s), ${((last?.bytes ?? 0) / 1e6).toFixed(1)} MB stored; runs ${runs.map((run) => run.seconds.toFixed(3)).join(', ')} s`,
      details: { storedBytes: last?.bytes ?? 0 },
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
