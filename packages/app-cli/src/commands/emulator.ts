import type { FaultOptions } from '@audience-bridge/peoplecore-emulator';
import type { Command } from 'commander';

import { renderFields } from '../output/table.js';
import { runCommand } from '../runtime/Cli.js';
import { fraction, integerIn } from '../runtime/parsers.js';

interface EmulatorFlags {
  readonly port: number;
  readonly exchange?: string;
  readonly seed: number;
  readonly size?: number;
  readonly errorRate?: number;
  readonly throttleRate?: number;
  readonly retryAfter?: number;
  readonly latencyMs?: number;
  readonly dropRate?: number;
  readonly truncateRate?: number;
  readonly corruptRate?: number;
  readonly lyingControlRate?: number;
}

function faultsOf(flags: EmulatorFlags): FaultOptions {
  const entries = {
    errorRate: flags.errorRate,
    throttleRate: flags.throttleRate,
    retryAfterSeconds: flags.retryAfter,
    latencyMs: flags.latencyMs,
    dropRate: flags.dropRate,
    truncateRate: flags.truncateRate,
    corruptRate: flags.corruptRate,
    lyingControlRate: flags.lyingControlRate,
  };

  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

/** Resolves once the process is asked to stop; the open server keeps it alive until then. */
const untilStopped = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => {
      resolve();
    });
    process.once('SIGTERM', () => {
      resolve();
    });
  });

/** `emulator`: runs the local People core service until interrupted. */
export function addEmulator(program: Command): void {
  program
    .command('emulator')
    .description('Run the local People core service (IMS, AAM REST, file exchange) until Ctrl-C')
    .option(
      '--port <port>',
      'port to listen on, on 127.0.0.1 (0 picks a free one)',
      integerIn(0, 65535),
      4010,
    )
    .option('--exchange <dir>', 'the exchange directory shared with Audience Bridge (default AB_EXCHANGE)')
    .option('--seed <n>', 'seeds the population and every fault draw', integerIn(-2147483648, 2147483647), 1)
    .option('--size <n>', 'people in the synthetic population', integerIn(1, 1_000_000))
    .option('--error-rate <r>', 'fraction of IMS and REST calls answered 500', fraction)
    .option('--throttle-rate <r>', 'fraction of calls answered 429 with Retry-After', fraction)
    .option('--retry-after <s>', 'Retry-After seconds of a 429', integerIn(0, 3600))
    .option('--latency-ms <ms>', 'delay added to every call', integerIn(0, 600_000))
    .option('--drop-rate <r>', 'fraction of calls whose connection is dropped', fraction)
    .option('--truncate-rate <r>', 'fraction of outbound deliveries cut short', fraction)
    .option('--corrupt-rate <r>', 'fraction of outbound deliveries with flipped bytes', fraction)
    .option('--lying-control-rate <r>', 'fraction of deliveries whose control file lies', fraction)
    .addHelpText(
      'after',
      `
The default IMS client is "audience-bridge" (its secret is in the emulator README).
Point Audience Bridge at it with AB_PEOPLECORE_URL=<url>, AB_IMS_URL=<url> and the same AB_EXCHANGE.

Examples:
  $ audience-bridge emulator --port 4010 --exchange ./data/exchange
  $ audience-bridge emulator --size 10000 --seed 7 --error-rate 0.2 --throttle-rate 0.1 --truncate-rate 0.5`,
    )
    .action((flags: EmulatorFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const { defaultImsClient, runEmulator } = await import('@audience-bridge/peoplecore-emulator');
        const exchangeDir = flags.exchange ?? (await cli.config()).AB_EXCHANGE;
        const population = flags.size === undefined ? {} : { size: flags.size, campaignShare: 0.8 };
        const emulator = await runEmulator({
          port: flags.port,
          exchangeDir,
          seed: flags.seed,
          population,
          faults: faultsOf(flags),
        });
        const result = {
          url: emulator.url,
          port: emulator.port,
          orgId: emulator.population.orgId,
          exchangeDir,
          clientId: defaultImsClient.clientId,
        };
        cli.print(result, () =>
          renderFields([
            ['People core emulator', emulator.url],
            ['organisation', result.orgId],
            ['exchange', exchangeDir],
            ['IMS client id', result.clientId],
          ]),
        );
        cli.note('press Ctrl-C to stop');

        // runEmulator closes the server on the same signals; waiting here keeps the output order right.
        await untilStopped();
      }),
    );
}
