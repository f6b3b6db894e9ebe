import type { MigrationObject } from '@mikro-orm/core';

import { Migration0001Init } from './Migration0001Init.js';
import { Migration0002DropSharedStaging } from './Migration0002DropSharedStaging.js';

/** The checked-in migrations, registered statically so that they run the same under node, tsx and vitest. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration0001Init', class: Migration0001Init },
  { name: 'Migration0002DropSharedStaging', class: Migration0002DropSharedStaging },
];
