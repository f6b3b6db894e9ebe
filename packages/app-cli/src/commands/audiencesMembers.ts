import type { Command } from 'commander';

import { streamCsv } from '../output/csv.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { allPages, unwrap } from '../runtime/unwrap.js';

interface MembersFlags {
  readonly csv?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** `audiences members ID [--csv]`: the current members (profile keys, or addresses of a file audience). */
export function addAudiencesMembers(group: Command): void {
  group
    .command('members')
    .description('Show the current members: profile keys, or addresses for a file audience')
    .argument('<id>', 'the audience id')
    .option('--csv', 'stream every member as CSV (header "member") instead of one page')
    .option('--limit <n>', 'at most this many (without --csv)', integerIn(1, 10_000), 50)
    .option('--offset <n>', 'skip this many (without --csv)', integerIn(0, Number.MAX_SAFE_INTEGER), 0)
    .addHelpText(
      'after',
      '\nExamples:\n  $ audience-bridge audiences members aud_123\n  $ audience-bridge audiences members aud_123 --csv > members.csv',
    )
    .action((id: string, flags: MembersFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const principal = await cli.principal('any');
        const read = context.useCases.audiences;
        if (flags.csv === true) {
          unwrap(await read.show(principal, id));
          const count = await streamCsv(
            process.stdout,
            ['member'],
            allPages((page) => read.members(principal, id, page)),
            (member) => [member],
          );
          cli.note(`${count} members`);
          return;
        }

        const page = unwrap(await read.members(principal, id, { offset: flags.offset, limit: flags.limit }));
        cli.print(page, () => [...page.items, `${page.items.length} of ${page.total}`].join('\n'));
      }),
    );
}
