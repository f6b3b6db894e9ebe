import { readFileSync } from 'node:fs';

/** This process's peak resident set in MB, from the OS: `VmHWM` in /proc, else `maxRSS` from getrusage. */
export function peakRssMb(): { mb: number; from: 'VmHWM' | 'maxRSS' } {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('VmHWM:'));
    const kb = Number(line?.replace(/[^0-9]/g, ''));
    if (Number.isFinite(kb) && kb > 0) return { mb: kb / 1024, from: 'VmHWM' };
  } catch {
    // Not Linux: fall back to getrusage below.
  }

  return { mb: process.resourceUsage().maxRSS / 1024, from: 'maxRSS' };
}
