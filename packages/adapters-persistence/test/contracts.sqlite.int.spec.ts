import { openSqliteTestDatabase } from './support/databases.js';
import { runContracts } from './support/runContracts.js';

runContracts('MikroORM on SQLite', openSqliteTestDatabase);
