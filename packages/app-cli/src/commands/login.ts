import type { Command } from 'commander';

import { runCommand } from '../runtime/Cli.js';
import { loginCredentials, requestImsToken } from '../runtime/imsLogin.js';
import { verifyToken } from '../runtime/principal.js';
import { saveToken } from '../runtime/tokenCache.js';
import { renderFields } from '../output/table.js';

/** `login`: gets an IMS token by client credentials and caches it for the other commands. */
export function addLogin(program: Command): void {
  program
    .command('login')
    .description('Get an IMS access token by client credentials and cache it in the config folder')
    .addHelpText(
      'after',
      `
Uses AB_IMS_URL, AB_IMS_CLIENT_ID and AB_IMS_CLIENT_SECRET, or the embedded emulator's default client.
The token is kept in $AB_CONFIG_DIR, else $XDG_CONFIG_HOME/audience-bridge or ~/.config/audience-bridge
(folder 0700, token.json 0600). It is never printed. Exit code 3 when IMS refuses the credentials.

Examples:
  $ audience-bridge login
  $ AB_IMS_URL=https://ims-na1.adobelogin.com AB_IMS_CLIENT_ID=... AB_IMS_CLIENT_SECRET=... audience-bridge login --json`,
    )
    .action((_options: unknown, command: Command) =>
      runCommand(command, async (cli) => {
        const context = await cli.context();
        const token = await requestImsToken(await loginCredentials(context));
        const principal = await verifyToken(context.tokens, token.accessToken);
        const path = saveToken(token);
        const result = {
          orgId: principal.orgId,
          subject: principal.subject,
          authMethod: principal.authMethod,
          expiresAt: token.expiresAt,
          cachedIn: path,
        };

        cli.print(result, () =>
          renderFields([
            ['logged in as', principal.subject],
            ['organisation', principal.orgId],
            ['expires', token.expiresAt],
            ['token cached in', path],
          ]),
        );
      }),
    );
}
