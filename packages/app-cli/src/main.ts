import { Command } from 'commander';

const program = new Command('audience-bridge')
  .description('Shares audiences between a campaign profile database and the People core service.')
  .version('0.1.0');

await program.parseAsync(process.argv);
