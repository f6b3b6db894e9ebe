/** The scenarios `npm run bench` knows, in the order they run. */
export const scenarioNames = ['reconciliation', 'decryption', 'export', 'memory', 'api'] as const;

export type ScenarioName = (typeof scenarioNames)[number];

/** Where the machine-readable document goes, when asked for. */
export type JsonDestination = { readonly to: 'stdout' } | { readonly to: 'file'; readonly path: string };

/** What one `npm run bench` invocation asked for. */
export interface BenchArgs {
  readonly quick: boolean;
  readonly only: ScenarioName | null;
  readonly json: JsonDestination | null;
}

const isScenario = (value: string): value is ScenarioName =>
  (scenarioNames as readonly string[]).includes(value);

/** The usage line printed with an argument error. */
export const benchUsage = `usage: npm run bench -- [--quick] [--only <${scenarioNames.join('|')}>] [--json [file]]`;

/** Parses the bench's own arguments (after `--`); throws a `RangeError` naming the first problem. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let only: ScenarioName | null = null;
  let json: JsonDestination | null = null;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const next = argv[index + 1];
    if (arg === '--quick') quick = true;
    else if (arg === '--only') {
      if (next === undefined || !isScenario(next))
        throw new RangeError(`--only takes one of: ${scenarioNames.join(', ')}`);
      only = next;
      index += 1;
    } else if (arg === '--json') {
      const hasFile = next !== undefined && !next.startsWith('--');
      json = hasFile ? { to: 'file', path: next } : { to: 'stdout' };
      if (hasFile) index += 1;
    } else throw new RangeError(`unknown argument "${arg}"`);
  }

  return { quick, only, json };
}
