import { describe, expect, it } from 'vitest';

import type { ExportLedger } from '../../ports/ExportLedger.js';
import { freshOrg, useFixture, type Closable } from './fixture.js';

/** Proves an ExportLedger: staged and accepted IDs are never new again, discarded ones are, per org. */
export function exportLedgerContract(
  name: string,
  factory: () => Promise<{ ledger: ExportLedger } & Closable>,
): void {
  describe(`ExportLedger contract: ${name}`, () => {
    const fixture = useFixture(factory);

    it('filters out staged and accepted IDs, and counts accepted ones', async () => {
      const { ledger } = fixture();
      const org = freshOrg();

      expect((await ledger.filterNew(org, 'sa1', ['a', 'b', 'c'])).sort()).toEqual(['a', 'b', 'c']);
      await ledger.stage(org, 'sa1', 'up1', ['a', 'b']);
      expect(await ledger.filterNew(org, 'sa1', ['a', 'b', 'c'])).toEqual(['c']);
      expect(await ledger.pending(org, 'sa1')).toEqual(['up1']);
      expect(await ledger.acceptedCount(org, 'sa1')).toBe(0);

      await ledger.accept(org, 'up1');

      expect(await ledger.pending(org, 'sa1')).toEqual([]);
      expect(await ledger.acceptedCount(org, 'sa1')).toBe(2);
      expect(await ledger.filterNew(org, 'sa1', ['a', 'c'])).toEqual(['c']);
      expect((await ledger.filterNew(org, 'sa2', ['a', 'c'])).sort()).toEqual(['a', 'c']);
    });

    it('makes discarded IDs new again', async () => {
      const { ledger } = fixture();
      const org = freshOrg();
      await ledger.stage(org, 'sa1', 'up1', ['a', 'b']);

      await ledger.discard(org, 'up1');

      expect((await ledger.filterNew(org, 'sa1', ['a', 'b'])).sort()).toEqual(['a', 'b']);
      expect(await ledger.pending(org, 'sa1')).toEqual([]);
      expect(await ledger.acceptedCount(org, 'sa1')).toBe(0);
    });

    it('keeps organisations apart', async () => {
      const { ledger } = fixture();
      const [mine, theirs] = [freshOrg(), freshOrg()];
      await ledger.stage(theirs, 'sa1', 'up-t', ['a']);
      await ledger.accept(theirs, 'up-t');
      await ledger.stage(theirs, 'sa1', 'up-t2', ['b']);

      expect((await ledger.filterNew(mine, 'sa1', ['a', 'b'])).sort()).toEqual(['a', 'b']);
      expect(await ledger.pending(mine, 'sa1')).toEqual([]);
      expect(await ledger.acceptedCount(mine, 'sa1')).toBe(0);
    });
  });
}
