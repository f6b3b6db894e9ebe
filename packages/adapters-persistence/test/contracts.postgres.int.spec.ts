import { describe } from 'vitest';

import { openPostgresTestDatabase } from './support/databases.js';
import { postgresEnabled } from './support/postgres.js';
import { runContracts } from './support/runContracts.js';

const enabled = await postgresEnabled();

describe.skipIf(!enabled)('PostgreSQL', () => {
  runContracts('MikroORM on PostgreSQL', openPostgresTestDatabase);
});
