/** Serialises a value as the one JSON document a `--json` command prints; dates become ISO strings. */
export function toJsonDocument(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
