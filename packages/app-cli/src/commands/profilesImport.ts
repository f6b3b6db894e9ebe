import { UpsertProfiles, type NormalisationOptions, type Progress } from '@audience-bridge/domain';
import { Option, type Command } from 'commander';

import { renderFields, renderTable } from '../output/table.js';
import {
  inferFormat,
  ProfileFileReader,
  type LineProblem,
  type ProfileFormat,
} from '../profiles/ProfileFileReader.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { unwrap } from '../runtime/unwrap.js';

interface ImportFlags {
  readonly format?: ProfileFormat;
  readonly batchSize: number;
}

const SHOWN_REJECTS = 20;

/** Counts rows into the progress as they pass. */
async function* counted(rows: AsyncIterable<unknown>, progress: Progress): AsyncGenerator {
  let pending = 0;
  for await (const row of rows) {
    yield row;
    pending += 1;
    if (pending === 1000) {
      progress.advance(pending);
      pending = 0;
    }
  }
  progress.advance(pending);
}

function renderImport(
  file: string,
  result: { read: number; inserted: number; updated: number },
  rejected: readonly LineProblem[],
): string {
  const summary = renderFields([
    ['file', file],
    ['rows read', result.read],
    ['inserted', result.inserted],
    ['updated', result.updated],
    ['rejected', rejected.length],
  ]);
  if (rejected.length === 0) return summary;
  const shown = renderTable(rejected.slice(0, SHOWN_REJECTS), [
    { heading: 'LINE', cell: (row) => row.line, align: 'right' },
    { heading: 'REASONS', cell: (row) => row.reasons.join('; ') },
  ]);
  const more =
    rejected.length > SHOWN_REJECTS ? `\n… ${rejected.length - SHOWN_REJECTS} more (use --json for all)` : '';

  return `${summary}\nrejected rows:\n${shown}${more}`;
}

/** `profiles import FILE`: streams CSV or NDJSON profiles into the database, upserting by key. */
export function addProfilesImport(group: Command): void {
  group
    .command('import')
    .description('Load profiles from a CSV or NDJSON file of any size, upserting by profile key')
    .argument('<file>', 'a .csv or .ndjson (.jsonl) file')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'ndjson']),
    )
    .option('--batch-size <n>', 'profiles written per database batch', integerIn(1, 100_000), 5000)
    .addHelpText(
      'after',
      `
CSV header: key,email,mobilePhone,visitorId, customKeys.<name>, attributes.<name>, optOut.<all|email|sms>
(attributes are loaded as text; opt-outs take true/false, 1/0, yes/no). NDJSON: one profile object per
line, e.g. {"key":"C1","email":"a@example.com","customKeys":{"crmId":"C1"},"attributes":{"tier":"gold"}}.
Bad rows (bad JSON, bad fields) are reported with their line numbers and never stop the load: the
exit code stays 0. Exit 2 when the file cannot be read or its CSV header is unknown.

Examples:
  $ audience-bridge profiles import customers.csv
  $ audience-bridge profiles import export.jsonl --format ndjson --json`,
    )
    .action((file: string, flags: ImportFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const reader = new ProfileFileReader(file, inferFormat(file, flags.format));
        await reader.check();
        const context = await cli.context();
        const principal = await cli.principal('any');
        const normalisation = {
          defaultRegion: context.config.AB_DEFAULT_REGION as NormalisationOptions['defaultRegion'],
        };
        const upsert = new UpsertProfiles({
          profiles: context.ports.profiles,
          normalisation,
          batchSize: flags.batchSize,
        });

        const progress = cli.progress();
        progress.start('profiles', null);
        const result = unwrap(
          await upsert.execute(principal, counted(reader.rows(), progress)).finally(() => {
            progress.finish();
          }),
        );

        const rejected = [
          ...reader.problems,
          ...result.rejected.map((row) => ({ line: reader.lineOf(row.index), reasons: row.reasons })),
        ];
        rejected.sort((a, b) => a.line - b.line);
        const document = {
          file,
          read: result.read + reader.problems.length,
          inserted: result.inserted,
          updated: result.updated,
          rejected,
        };
        cli.print(document, () => renderImport(file, document, rejected));
      }),
    );
}
