import type { AppContext } from '@audience-bridge/app-api';
import type { Principal, Run } from '@audience-bridge/domain';
import type { Command } from 'commander';

import { CliError } from '../output/errors.js';
import { renderRun, runDocument } from '../output/report.js';
import { runCommand, type Cli } from '../runtime/Cli.js';
import { ensureFullDelivery } from '../runtime/embeddedDelivery.js';
import { allPages, unwrap } from '../runtime/unwrap.js';

async function importedAudienceIds(context: AppContext, principal: Principal): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of allPages((request) => context.useCases.audiences.list(principal, request))) {
    ids.push(...page.filter((audience) => audience.source !== null).map((audience) => audience.id));
  }

  return ids;
}

async function syncOne(
  cli: Cli,
  context: AppContext,
  principal: Principal,
  audienceId: string,
): Promise<Run> {
  const audience = unwrap(await context.useCases.audiences.show(principal, audienceId));
  if (audience.source !== null)
    await ensureFullDelivery(context, audience.source.dataSourceId, principal.orgId);

  return unwrap(await context.withProgress(cli.progress()).syncAudience.execute(principal, { audienceId }));
}

/** `audiences sync ID | --all`: replaces imported audiences' members with their segments' current members. */
export function addAudiencesSync(group: Command): void {
  group
    .command('sync')
    .description('Re-import one imported audience, or all of them, from People core now (needs login)')
    .argument('[id]', 'the audience id')
    .option('--all', 'sync every imported audience')
    .addHelpText(
      'after',
      `
Each sync replaces the members with the segment's current members and leaves a run report.
Exit 1 when any sync fails.

Examples:
  $ audience-bridge audiences sync aud_123
  $ audience-bridge audiences sync --all --json`,
    )
    .action((id: string | undefined, flags: { all?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        if ((id === undefined) === (flags.all !== true))
          throw CliError.usage('give an audience id or --all, not both');
        const context = await cli.context();
        const principal = await cli.principal('ims');
        const ids = id === undefined ? await importedAudienceIds(context, principal) : [id];

        const runs: Run[] = [];
        for (const audienceId of ids) runs.push(await syncOne(cli, context, principal, audienceId));

        cli.print(id === undefined ? runs.map(runDocument) : runDocument(runs[0] as Run), () =>
          runs.length === 0 ? 'no imported audience to sync' : runs.map(renderRun).join('\n\n'),
        );
        return runs.every((run) => run.status === 'succeeded') ? 0 : 1;
      }),
    );
}
