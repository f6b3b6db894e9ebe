import { describe, expect, it } from 'vitest';

import type { SharedDataSource } from '../../datasources/SharedDataSource.js';
import type { SegmentUploadSink } from '../../ports/PeopleCore.js';
import { useFixture, type Closable } from './fixture.js';

/** What the upload-sink kit needs: the sink, and a reader of the user IDs the service received per upload. */
export interface SegmentUploadSinkFixture extends Closable {
  readonly sink: SegmentUploadSink;
  readonly delivered: (uploadId: string) => Promise<string[]>;
}

const dataSource: SharedDataSource = {
  id: 'ds-kit',
  label: 'Kit CRM',
  dataSourceId: 31338,
  destinationId: null,
  reconciliationKey: 'custom:crm',
  channel: 'other',
  encryption: { algorithm: 'none' },
};

let uploads = 0;
const uploadId = (): string => {
  uploads += 1;

  return `upload-kit-${Date.now().toString(36)}-${uploads}`;
};

/** Proves a SegmentUploadSink: nothing reaches the service before finish, everything after, abort sends nothing. */
export function segmentUploadSinkContract(
  name: string,
  factory: () => Promise<SegmentUploadSinkFixture>,
): void {
  describe(`SegmentUploadSink contract: ${name}`, () => {
    const fixture = useFixture(factory);
    const target = { sharedAudienceId: '888001', dataSource };

    it('delivers every added ID on finish, and nothing before', async () => {
      const { sink, delivered } = fixture();
      const id = uploadId();
      const session = await sink.begin(target, id);
      await session.add(['C-1', 'C-2']);
      await session.add(['C-3']);

      const before = await delivered(id);
      const statusBefore = await sink.status(id);
      const receipt = await session.finish();

      expect(before).toEqual([]);
      expect(statusBefore).toBe('unknown');
      expect(receipt).toMatchObject({ uploadId: id, records: 3 });
      expect(receipt.files.length).toBeGreaterThan(0);
      expect((await delivered(id)).sort()).toEqual(['C-1', 'C-2', 'C-3']);
      expect(['delivered', 'processed']).toContain(await sink.status(id));
    });

    it('delivers nothing for an aborted upload', async () => {
      const { sink, delivered } = fixture();
      const id = uploadId();
      const session = await sink.begin(target, id);
      await session.add(['C-9']);

      await session.abort();

      expect(await delivered(id)).toEqual([]);
      expect(['unknown', 'failed']).toContain(await sink.status(id));
    });
  });
}
