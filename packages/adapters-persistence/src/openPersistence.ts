import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type {
  AudienceRepository,
  DataSourceRepository,
  ExportLedger,
  ProfileRepository,
  ReconciliationStore,
  RunRepository,
  TargetingStore,
  WorkflowRepository,
} from '@audience-bridge/domain';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { MikroORM } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';

import {
  locateDatabase,
  persistenceConfigSchema,
  type DatabaseLocation,
  type PersistenceConfig,
} from './config/PersistenceConfig.js';
import { allEntities } from './entities/allEntities.js';
import { migrationsList } from './migrations/migrationsList.js';
import { MikroOrmAudienceRepository } from './repositories/MikroOrmAudienceRepository.js';
import { MikroOrmDataSourceRepository } from './repositories/MikroOrmDataSourceRepository.js';
import { MikroOrmExportLedger } from './repositories/MikroOrmExportLedger.js';
import { MikroOrmProfileRepository } from './repositories/MikroOrmProfileRepository.js';
import { MikroOrmReconciliationStore } from './repositories/MikroOrmReconciliationStore.js';
import { MikroOrmRunRepository } from './repositories/MikroOrmRunRepository.js';
import { MikroOrmTargetingStore } from './repositories/MikroOrmTargetingStore.js';
import { MikroOrmWorkflowRepository } from './repositories/MikroOrmWorkflowRepository.js';
import { MasterKeySealer } from './sealing/MasterKeySealer.js';
import type { Dialect } from './sql/SqlExecutor.js';
import { SqlGateway } from './sql/SqlGateway.js';

/** Every storage port on one database, and the way to release it. */
export interface Persistence {
  readonly dialect: Dialect;
  readonly profiles: ProfileRepository;
  readonly audiences: AudienceRepository;
  readonly reconciliation: ReconciliationStore;
  readonly runs: RunRepository;
  readonly dataSources: DataSourceRepository;
  readonly exportLedger: ExportLedger;
  readonly targeting: TargetingStore;
  readonly workflows: WorkflowRepository;
  /** Applies pending migrations; `openPersistence` does it unless told not to. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** SQLite pragmas for a file database shared by readers and one writer: WAL, and fsync at checkpoints only. */
const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'temp_store = FILE',
  'cache_size = -65536',
  'busy_timeout = 5000',
];

interface SqliteHandle {
  pragma(source: string): unknown;
}

const common = {
  entities: allEntities,
  extensions: [Migrator],
  allowGlobalContext: false,
  migrations: { migrationsList, snapshot: false, silent: true },
};

function openOrm(
  location: DatabaseLocation,
  poolSize: number,
): Promise<MikroORM<BetterSqliteDriver> | MikroORM<PostgreSqlDriver>> {
  if (location.dialect === 'postgresql') {
    return MikroORM.init<PostgreSqlDriver>({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: location.url,
      pool: { min: 0, max: poolSize },
    });
  }

  mkdirSync(dirname(location.path), { recursive: true });
  const afterCreate = (
    connection: SqliteHandle,
    done: (error: Error | null, connection: SqliteHandle) => void,
  ): void => {
    for (const pragma of SQLITE_PRAGMAS) connection.pragma(pragma);
    done(null, connection);
  };

  return MikroORM.init<BetterSqliteDriver>({
    ...common,
    driver: BetterSqliteDriver,
    dbName: location.path,
    pool: { min: 1, max: 1, afterCreate },
  });
}

/**
 * Opens the database named by the URL, applies the checked-in migrations, and returns every storage port;
 * the composition root calls it once and `close()` on shutdown.
 */
export async function openPersistence(config: PersistenceConfig): Promise<Persistence> {
  const options = persistenceConfigSchema.parse(config);
  const location = locateDatabase(options.url);
  const orm = await openOrm(location, options.poolSize);
  const migrate = async (): Promise<void> => {
    await orm.migrator.up();
  };
  if (options.migrate) await migrate();

  const db = new SqlGateway(orm.em, location.dialect);
  const audiences = new MikroOrmAudienceRepository(db);

  return {
    dialect: location.dialect,
    profiles: new MikroOrmProfileRepository(db),
    audiences,
    reconciliation: new MikroOrmReconciliationStore(db),
    runs: new MikroOrmRunRepository(db),
    dataSources: new MikroOrmDataSourceRepository(db, new MasterKeySealer(options.masterKey)),
    exportLedger: new MikroOrmExportLedger(db),
    targeting: new MikroOrmTargetingStore(db),
    workflows: new MikroOrmWorkflowRepository(db),
    migrate,
    close: async () => {
      await db.endDedicated();
      await orm.close(true);
    },
  };
}
