import type { Command } from 'commander';

import { renderDemoReport } from '../demo/renderDemoReport.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';

/** `demo`: the whole import and export cycle on the embedded default, with a report. */
export function addDemo(program: Command): void {
  program
    .command('demo')
    .description('Run the whole cycle on the embedded default (SQLite + in-process emulator) and report')
    .option(
      '--profiles <n>',
      'campaign profiles to load (the population is sized to match)',
      integerIn(100, 800_000),
      100_000,
    )
    .addHelpText(
      'after',
      `
Steps: reset the demo database and exchange folder; log in to the emulator (the token is cached);
add three data sources (visitor IDs, AES-256 emails, SHA-256 emails); load the profiles; import a
visitor segment by reconciliation and an AES email segment by decrypt-to-file; export the profiles
named Martin to a new segment (shared save, outbound transition → a list audience); change the visitor
segment in the emulator and re-sync it. Every count is checked against the emulator's population;
exit 1 if one differs. The database is left in place for the other commands.

Examples:
  $ audience-bridge demo
  $ AB_DATA_DIR=/tmp/ab AB_DATABASE_URL=sqlite:/tmp/ab/ab.db AB_EXCHANGE=/tmp/ab/exchange audience-bridge demo --profiles 5000 --json`,
    )
    .action((flags: { profiles: number }, command: Command) =>
      runCommand(command, async (cli) => {
        const { runDemo } = await import('../demo/runDemo.js');
        const report = await runDemo(cli, flags.profiles);

        cli.print(report, () => renderDemoReport(report));
        const runs = [...report.imports.map((entry) => entry.run), report.export.run, report.resync.run];
        const exact = report.checks.every((check) => check.expected === check.actual);
        return exact && runs.every((run) => run.status === 'succeeded') ? 0 : 1;
      }),
    );
}
