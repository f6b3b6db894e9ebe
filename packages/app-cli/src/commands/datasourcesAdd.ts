import { readFileSync } from 'node:fs';

import type {
  EncryptionAlgorithm,
  Encryption,
  SharedDataSource,
  Channel,
  ReconciliationKey,
} from '@audience-bridge/domain';
import { Option, type Command } from 'commander';

import { CliError } from '../output/errors.js';
import { runCommand } from '../runtime/Cli.js';
import { integerIn } from '../runtime/parsers.js';
import { unwrap } from '../runtime/unwrap.js';
import { renderDataSource } from './datasourcesShow.js';

interface AddFlags {
  readonly label: string;
  readonly dpid: number;
  readonly destination?: number;
  readonly key: string;
  readonly channel: Channel;
  readonly encryption: EncryptionAlgorithm;
  readonly aesKey?: string;
  readonly aesIv?: string;
  readonly aesFromStdin?: boolean;
}

const keyPattern = /^(visitorId|email|mobilePhone|custom:[A-Za-z_][A-Za-z0-9_]{0,63})$/;

/** The AES key and IV: from the flags, else AB_AES_KEY / AB_AES_IV, else two lines on stdin. */
function aesSecrets(flags: AddFlags): { key: string; iv: string } {
  const fromStdin = flags.aesFromStdin === true ? readFileSync(0, 'utf8').split(/\r?\n/) : [];
  const key = flags.aesKey ?? process.env['AB_AES_KEY'] ?? fromStdin[0]?.trim();
  const iv = flags.aesIv ?? process.env['AB_AES_IV'] ?? fromStdin[1]?.trim();
  if (key === undefined || key === '' || iv === undefined || iv === '') {
    throw CliError.usage(
      'an AES data source needs its key and IV: --aes-key/--aes-iv, AB_AES_KEY/AB_AES_IV, or --aes-from-stdin',
    );
  }

  return { key, iv };
}

function encryptionOf(flags: AddFlags): Encryption {
  if (flags.encryption === 'none' || flags.encryption === 'sha256') return { algorithm: flags.encryption };

  return { algorithm: flags.encryption, ...aesSecrets(flags) };
}

function dataSourceOf(id: string, flags: AddFlags): SharedDataSource {
  if (!keyPattern.test(flags.key))
    throw CliError.usage(`--key is visitorId, email, mobilePhone or custom:<name>, got "${flags.key}"`);

  return {
    id,
    label: flags.label,
    dataSourceId: flags.dpid,
    destinationId: flags.destination ?? null,
    reconciliationKey: flags.key as ReconciliationKey,
    channel: flags.channel,
    encryption: encryptionOf(flags),
  };
}

/** `datasources add ID`: registers a shared data source; keys come from flags, env or stdin and are never printed. */
export function addDatasourcesAdd(group: Command): void {
  group
    .command('add')
    .description('Register a shared data source (keys are stored encrypted and never printed)')
    .argument('<id>', 'the id to give the data source, e.g. crm-emails')
    .requiredOption('--label <label>', 'a readable name')
    .requiredOption(
      '--dpid <dpid>',
      'the Audience Manager data source id (DPID)',
      integerIn(1, Number.MAX_SAFE_INTEGER),
    )
    .option(
      '--destination <id>',
      'the AAM destination that delivers its segments (needed to import)',
      integerIn(1, Number.MAX_SAFE_INTEGER),
    )
    .requiredOption('--key <field>', 'reconciliation key: visitorId, email, mobilePhone or custom:<name>')
    .addOption(
      new Option('--channel <channel>', 'what a declared ID is')
        .choices(['email', 'sms', 'other'])
        .default('other'),
    )
    .addOption(
      new Option('--encryption <algorithm>', 'how declared IDs are protected')
        .choices(['none', 'sha256', 'aes-128-cbc', 'aes-192-cbc', 'aes-256-cbc'])
        .default('none'),
    )
    .option('--aes-key <hex>', 'AES key in hex (prefer AB_AES_KEY or --aes-from-stdin: flags show in `ps`)')
    .option('--aes-iv <hex>', 'AES IV in hex (or AB_AES_IV)')
    .option('--aes-from-stdin', 'read the AES key then the IV, one per line, from stdin')
    .addHelpText(
      'after',
      `
Examples:
  $ audience-bridge datasources add ecid --label "Visitor IDs" --dpid 163401 --destination 5101 --key visitorId
  $ audience-bridge datasources add hashed --label "Hashed emails" --dpid 163403 --destination 5103 --key email --channel email --encryption sha256
  $ printf '%s\\n%s\\n' "$KEY" "$IV" | audience-bridge datasources add crm-emails --label "CRM emails" \\
      --dpid 163402 --destination 5102 --key email --channel email --encryption aes-256-cbc --aes-from-stdin`,
    )
    .action((id: string, flags: AddFlags, command: Command) =>
      runCommand(command, async (cli) => {
        const source = dataSourceOf(id, flags);
        const context = await cli.context();
        const principal = await cli.principal('any');
        const added = unwrap(await context.useCases.dataSources.add(principal, source));

        cli.print(added, () => `data source ${added.id} added\n${renderDataSource(added)}`);
      }),
    );
}
