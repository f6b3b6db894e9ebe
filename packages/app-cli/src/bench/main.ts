import { loadavg } from 'node:os';

import { benchUsage, parseBenchArgs, scenarioNames, type BenchArgs } from './args.js';
import { firstLine, skippedRow, type BenchRow } from './BenchRow.js';
import { formatNotes, formatTable } from './formatTable.js';
import { describeMachine } from './machine.js';
import { progress } from './measure.js';
import { scenarios } from './scenarios.js';
import { fullSizes, quickSizes } from './sizes.js';
import { buildReport, writeJsonReport } from './writeJsonReport.js';

function argsOrExit(): BenchArgs | null {
  try {
    return parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${benchUsage}\n`);
    process.exitCode = 2;

    return null;
  }
}

async function runAll(args: BenchArgs): Promise<BenchRow[]> {
  const sizes = args.quick ? quickSizes : fullSizes;
  const rows: BenchRow[] = [];
  for (const name of scenarioNames) {
    if (args.only !== null && args.only !== name) continue;
    progress(`scenario ${name} (${args.quick ? 'quick' : 'full'} size)`);
    try {
      rows.push(...(await scenarios[name](sizes)));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      progress(`scenario ${name} failed: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
      rows.push(skippedRow(name, 'all variants', 0, `failed: ${firstLine(error)}`));
    }
  }

  return rows;
}

/** `npm run bench`: runs the scenarios, prints the table, writes the JSON document when asked. */
async function main(): Promise<void> {
  const args = argsOrExit();
  if (args === null) return;
  const machine = describeMachine();
  const startedAt = new Date();
  const rows = await runAll(args);
  const table = `${formatTable(rows)}\n\n${formatNotes(rows)}\n`;
  if (args.json?.to === 'stdout') process.stderr.write(table);
  else process.stdout.write(table);
  if (args.json !== null) {
    const run = { startedAt, finishedAt: new Date(), machine, loadAverageAtEnd: loadavg() };
    writeJsonReport(buildReport(args, run, rows), args.json);
  }
}

await main();
