import { createSegment } from '../catalog/createSegment.js';
import type { EmulatorContext } from '../server/EmulatorContext.js';

/** Brings a freshly seeded emulator back to where its journal left it, in the order things happened. */
export async function replayJournal(context: EmulatorContext): Promise<void> {
  for (const entry of context.journal.entries()) {
    switch (entry.op) {
      case 'createSegment':
        createSegment(context.catalog, entry.orgId, entry.body, entry.time);
        break;
      case 'membership':
        context.membership[entry.action](entry.sid, entry.userIds);
        break;
      case 'ingested':
        await context.inbound.reapply(entry.folder, entry.deliveryName);
        break;
    }
  }
}
