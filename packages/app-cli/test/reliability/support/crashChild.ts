// A run to be killed: opens the app on the parent's scenario, says `ready`, waits for `go` on stdin,
// then prints `start`, a `progress` line per batch and `done` (or `failed <reason>`) on stdout.
import { createInterface } from 'node:readline';

import type { AppContext } from '@audience-bridge/app-api';
import type { Principal, Progress, Result, Run } from '@audience-bridge/domain';

import { openScenario, type ScenarioPlace } from './scenario.js';

/** What the parent asks the child to run. */
export interface CrashJob {
  readonly place: ScenarioPlace;
  readonly orgId: string;
  readonly operation:
    | { readonly kind: 'import'; readonly audienceId: string }
    | { readonly kind: 'export'; readonly document: unknown };
}

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const printingProgress: Progress = {
  start: () => undefined,
  advance: (count) => {
    say(`progress ${count}`);
  },
  finish: () => undefined,
};

function waitForGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => {
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        lines.close();
        resolve();
      }
    });
  });
}

function run(context: AppContext, job: CrashJob, principal: Principal): Promise<Result<Run>> {
  const { operation } = job;
  if (operation.kind === 'import') {
    return context
      .withProgress(printingProgress)
      .syncAudience.execute(principal, { audienceId: operation.audienceId });
  }
  return context.useCases.runWorkflow.execute(principal, { document: operation.document });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as CrashJob;
  const context = await openScenario(job.place);
  const principal: Principal = { orgId: job.orgId, subject: 'crash-child', authMethod: 'ims' };
  say('ready');
  await waitForGo();

  say('start');
  const result = await run(context, job, principal);
  say(result.ok ? 'done' : `failed ${result.error.code}: ${result.error.message.split('\n', 1)[0] ?? ''}`);
  await context.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
