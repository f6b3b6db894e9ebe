import type { SeededRandom } from '../random/SeededRandom.js';

/** A random Experience Cloud ID: two 19-digit halves, each at most 9223372036854775807. */
export function generateEcid(random: SeededRandom): string {
  return `${random.nextInt63().toString().padStart(19, '0')}${random.nextInt63().toString().padStart(19, '0')}`;
}
