import type { MigrationObject } from '@mikro-orm/core';

import { Migration0001Init } from './Migration0001Init.js';

/** The checked-in migrations, registered statically so that they run the same under node, tsx and vitest. */
export const migrationsList: MigrationObject[] = [{ name: 'Migration0001Init', class: Migration0001Init }];
