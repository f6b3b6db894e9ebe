/** A bench database URL taken apart: a SQLite file path or a PostgreSQL URL. */
export type BenchLocation =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgresql'; readonly url: string };

/** Reads `sqlite:<path>` or `postgres://…`, the two URL forms the persistence adapter accepts. */
export function locateDatabaseUrl(url: string): BenchLocation {
  return url.startsWith('sqlite:')
    ? { dialect: 'sqlite', path: url.slice('sqlite:'.length) }
    : { dialect: 'postgresql', url };
}
