/** How big a reliability run is: `quick` inside `npm test`, `full` on demand (`npm run test:reliability`). */
export type ReliabilitySize = 'quick' | 'full';

/** The size named by `AB_RELIABILITY` (quick unless it says full). */
export function reliabilitySize(): ReliabilitySize {
  return process.env['AB_RELIABILITY'] === 'full' ? 'full' : 'quick';
}

/** Picks the quick or the full value of a setting. */
export function bySize<T>(quick: T, full: T): T {
  return reliabilitySize() === 'full' ? full : quick;
}

/** The seed of every generator in the suites: `AB_RELIABILITY_SEED`, else a fixed one, so a failure replays. */
export function reliabilitySeed(): number {
  const given = Number(process.env['AB_RELIABILITY_SEED']);
  return Number.isSafeInteger(given) && given > 0 ? given : 20_261_203;
}
