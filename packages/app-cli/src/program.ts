import { Command } from 'commander';

import { addAudiencesImport } from './commands/audiencesImport.js';
import { addAudiencesList } from './commands/audiencesList.js';
import { addAudiencesMembers } from './commands/audiencesMembers.js';
import { addAudiencesShow } from './commands/audiencesShow.js';
import { addAudiencesSync } from './commands/audiencesSync.js';
import { addDatasourcesAdd } from './commands/datasourcesAdd.js';
import { addDatasourcesList } from './commands/datasourcesList.js';
import { addDatasourcesShow } from './commands/datasourcesShow.js';
import { addDbMigrate } from './commands/dbMigrate.js';
import { addDemo } from './commands/demo.js';
import { addEmulator } from './commands/emulator.js';
import { addExport } from './commands/export.js';
import { addLogin } from './commands/login.js';
import { addProfilesImport } from './commands/profilesImport.js';
import { addRunsList } from './commands/runsList.js';
import { addRunsShow } from './commands/runsShow.js';
import { addServe } from './commands/serve.js';
import { addSharedAudiencesList } from './commands/sharedAudiencesList.js';
import { addWorker } from './commands/worker.js';
import { addWorkflowsCreate } from './commands/workflowsCreate.js';
import { addWorkflowsList } from './commands/workflowsList.js';
import { addWorkflowsShow } from './commands/workflowsShow.js';
import { addWorkflowsStart } from './commands/workflowsStart.js';
import { addWorkflowsValidate } from './commands/workflowsValidate.js';

const EXIT_CODES = `
Exit codes: 0 ok, 1 a run failed, 2 bad usage or input, 3 not logged in or not allowed.
Global options go anywhere: --json prints exactly one JSON document on stdout (logs and notes go
to stderr); --quiet drops progress and notes. Configuration comes from AB_* variables or ./.env.`;

/** Adds a command group (`datasources`, `audiences`, …) whose subcommands live one per file. */
function group(program: Command, name: string, description: string): Command {
  return program.command(name).description(description).addHelpText('after', EXIT_CODES);
}

/** The whole `audience-bridge` command tree; every command exits through `runCommand`. */
export function createProgram(): Command {
  const program = new Command('audience-bridge')
    .description('Shares audiences between a campaign profile database and the People core service.')
    .version('0.1.0')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('-q, --quiet', 'no progress bars or notes on stderr')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `${EXIT_CODES}\n\nStart with:\n  $ audience-bridge demo`);

  addDemo(program);
  addServe(program);
  addWorker(program);
  addDbMigrate(group(program, 'db', 'Database maintenance'));
  addEmulator(program);
  addLogin(program);
  addProfilesImport(group(program, 'profiles', 'Campaign profiles'));
  const datasources = group(
    program,
    'datasources',
    'Shared data sources (DPID, reconciliation key, encryption)',
  );
  [addDatasourcesAdd, addDatasourcesList, addDatasourcesShow].forEach((add) => {
    add(datasources);
  });
  addSharedAudiencesList(group(program, 'shared-audiences', 'People core segments and traits'));
  const audiences = group(
    program,
    'audiences',
    'Campaign audiences: import from People core, sync, read members',
  );
  [addAudiencesImport, addAudiencesSync, addAudiencesList, addAudiencesShow, addAudiencesMembers].forEach(
    (add) => {
      add(audiences);
    },
  );
  const workflows = group(
    program,
    'workflows',
    'Targeting workflows (query, union, exclusion, reconcile, save audience)',
  );
  [addWorkflowsCreate, addWorkflowsValidate, addWorkflowsList, addWorkflowsShow, addWorkflowsStart].forEach(
    (add) => {
      add(workflows);
    },
  );
  addExport(program);
  const runs = group(program, 'runs', 'Import and export runs and their reports');
  [addRunsList, addRunsShow].forEach((add) => {
    add(runs);
  });

  return program;
}

/** Applies `exitOverride` to every command, so usage errors and help come back as CommanderError. */
export function overrideExits(command: Command): void {
  command.exitOverride();
  for (const child of command.commands) overrideExits(child);
}
