import type { SeededRandom } from '../random/SeededRandom.js';
import type { SourceKind } from './PopulationOptions.js';

// Each kind alternates between two ways of being wrong, all of them certain (never valid by chance).
const makers: Readonly<Record<SourceKind, readonly ((random: SeededRandom) => string)[]>> = {
  visitor: [
    (random) => random.nextInt63().toString().padStart(19, '0').slice(1) + '1234567890123456789',
    (random) => `9999999999999999999${random.nextInt63().toString().padStart(19, '0')}`,
  ],
  aesEmail: [(random) => `zz${random.hex(15)}`, (random) => random.hex(15)],
  hashedEmail: [(random) => random.hex(31), (random) => `not-a-hash-${random.hex(8)}`],
  crmId: [(random) => `crm:${random.hex(4)}`, (random) => `CRM%3A${random.hex(4)}`],
};

/**
 * User IDs that a data source of the given kind must refuse: ECIDs of 37 digits or with a half
 * above 2^63 − 1, ciphertexts that are not hex or not whole blocks, hashes of the wrong length,
 * CRM ids holding a colon. None contains whitespace, so each still fits one file line.
 */
export function malformedIds(random: SeededRandom, kind: SourceKind, count: number): string[] {
  const kindMakers = makers[kind];

  return Array.from({ length: count }, (_, index) => {
    const make = kindMakers[index % kindMakers.length];

    return make === undefined ? '' : make(random);
  });
}
