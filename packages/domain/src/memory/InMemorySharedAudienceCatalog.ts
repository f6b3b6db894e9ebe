import type { SharedAudienceCatalog } from '../ports/PeopleCore.js';
import type { SharedAudience } from '../sharedaudiences/SharedAudience.js';

/** The reference catalog: the segments and traits a test puts in, plus the segments it creates. */
export class InMemorySharedAudienceCatalog implements SharedAudienceCatalog {
  private readonly items = new Map<string, SharedAudience>();
  private nextSid: number;

  constructor(items: readonly SharedAudience[] = [], firstSid = 900_001) {
    for (const item of items) this.items.set(item.id, item);
    this.nextSid = firstSid;
  }

  /** Adds or replaces an item, as if it had been defined in the service. */
  put(item: SharedAudience): void {
    this.items.set(item.id, item);
  }

  list(): Promise<SharedAudience[]> {
    return Promise.resolve([...this.items.values()]);
  }

  get(id: string): Promise<SharedAudience | null> {
    return Promise.resolve(this.items.get(id) ?? null);
  }

  createSegment(input: { readonly name: string; readonly dataSourceId: number }): Promise<SharedAudience> {
    while (this.items.has(String(this.nextSid))) this.nextSid += 1;

    const segment: SharedAudience = {
      id: String(this.nextSid),
      name: input.name,
      kind: 'segment',
      dataSourceId: input.dataSourceId,
      description: '',
    };
    this.items.set(segment.id, segment);

    return Promise.resolve(segment);
  }
}
