import { z } from 'zod';

/** Options of `openPersistence`, validated at the edge so a bad URL or master key fails before anything opens. */
export const persistenceConfigSchema = z.strictObject({
  /** `sqlite:<path>` (a file; its folder is created) or `postgres://…` / `postgresql://…`. */
  url: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'the database URL is sqlite:<path> or postgres://…'),
  /** Seals data-source keys and IVs at rest; at least 16 characters, 32 random bytes recommended. */
  masterKey: z.string().min(16, 'the master key must be at least 16 characters'),
  /** Runs pending migrations on open (default true); `audience-bridge db migrate` may run them separately. */
  migrate: z.boolean().default(true),
  /** Largest PostgreSQL connection pool (default 10); SQLite always uses its single connection. */
  poolSize: z.int().min(1).max(100).default(10),
});

export type PersistenceConfig = z.input<typeof persistenceConfigSchema>;

/** Where the database lives, from its URL. */
export type DatabaseLocation =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgresql'; readonly url: string };

export function locateDatabase(url: string): DatabaseLocation {
  return url.startsWith('sqlite:')
    ? { dialect: 'sqlite', path: url.slice('sqlite:'.length) }
    : { dialect: 'postgresql', url };
}
