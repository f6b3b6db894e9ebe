const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads a duration such as `90s`, `15m`, `1h` or `1h30m` into milliseconds; `null` when malformed. */
export function parseDuration(text: string): number | null {
  const parts = [...text.trim().matchAll(/(\d+)(ms|s|m|h|d)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed !== text.trim()) return null;

  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (UNITS[unit ?? ''] ?? 0), 0);
}
