import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import type { SegmentSource } from '@audience-bridge/domain';
import {
  segmentSourceContract,
  segmentUploadSinkContract,
  sharedAudienceCatalogContract,
} from '@audience-bridge/domain/testing';

import { createPeopleCore } from '../src/createPeopleCore.js';
import {
  countLines,
  parseControlFile,
  parseInboundLine,
  verifyAgainstControl,
} from '../src/formats/index.js';
import { parseManifest, manifestKey } from '../src/sink/UploadManifest.js';
import { AamUploadSink } from '../src/sink/AamUploadSink.js';
import { AamSegmentSource } from '../src/source/AamSegmentSource.js';
import { LocalDirectoryStorage } from '../src/storage/LocalDirectoryStorage.js';
import { startFakeAam } from './support/fakeAam.js';
import { deliverFor } from './support/outbound.js';

const KIT_DESTINATION = 9001;

async function tempStorage(): Promise<{ storage: LocalDirectoryStorage; close: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'ab-kit-'));
  return {
    storage: new LocalDirectoryStorage(directory),
    close: () => rm(directory, { recursive: true, force: true }),
  };
}

sharedAudienceCatalogContract('AamSharedAudienceCatalog over loopback HTTP', async () => {
  const aam = await startFakeAam();
  const { catalog } = createPeopleCore({
    restUrl: aam.url,
    imsUrl: aam.url,
    clientId: 'kit',
    clientSecret: 'kit-secret',
    exchange: tmpdir(),
  });
  return { catalog, close: aam.close };
});

segmentSourceContract('AamSegmentSource over a local exchange', async () => {
  const { storage, close } = await tempStorage();
  const aam = new AamSegmentSource(storage);
  let clock = 1_700_000_000_000;
  // The kit's data source has no destination id, which an AAM import needs: the fixture assigns one.
  const source: SegmentSource = {
    snapshot: (id, dataSource) =>
      aam.snapshot(id, { ...dataSource, destinationId: dataSource.destinationId ?? KIT_DESTINATION }),
  };
  return {
    source,
    close,
    seed: async (sharedAudienceId, _dataSource, ids) => {
      clock += 1000;
      await deliverFor(
        storage,
        KIT_DESTINATION,
        'full',
        clock,
        ids.map((userId) => ({ userId, segments: [sharedAudienceId], removed: [] })),
      );
    },
  };
});

segmentUploadSinkContract('AamUploadSink over a local exchange', async () => {
  const { storage, close } = await tempStorage();
  const delivered = async (uploadId: string): Promise<string[]> => {
    const manifest = parseManifest(await storage.get(manifestKey(uploadId)));
    const controlText = manifest && (await storage.get(`${manifest.partition}${manifest.deliveryName}.info`));
    if (!manifest || !controlText) return [];
    const control = parseControlFile(controlText.toString());
    if (!control.ok) throw new Error(control.reason);
    const ids: string[] = [];
    for (const entry of control.value.Files) {
      const stored = (await storage.get(manifest.partition + entry.FileName))!;
      const content = entry.FileName.endsWith('.gz') ? gunzipSync(stored) : stored;
      const mismatch = verifyAgainstControl(entry, stored, countLines(content));
      if (mismatch !== null) throw new Error(mismatch);
      for (const [i, text] of content.toString().trim().split('\n').entries()) {
        const parsed = parseInboundLine(text, i + 1);
        if (parsed.ok) ids.push(parsed.value.userId);
      }
    }
    return ids;
  };
  return { sink: new AamUploadSink(storage), delivered, close };
});
