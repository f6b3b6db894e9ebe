import type { SharedAudience, SharedAudienceCatalog } from '@audience-bridge/domain';

import type { AamSegment, AamTrait } from '../rest/aamSchemas.js';
import type { AamRestClient } from '../rest/AamRestClient.js';

/** How segments created by this catalog are filed in Audience Manager. */
export interface SegmentCreationSettings {
  readonly folderId: number;
  /** The rule given to a created segment; AAM requires one, and uploads name the segment's SID directly. */
  readonly segmentRule: (input: { readonly name: string; readonly dataSourceId: number }) => string;
}

const fromSegment = (segment: AamSegment): SharedAudience => ({
  id: String(segment.sid),
  name: segment.name,
  kind: 'segment',
  dataSourceId: segment.dataSourceId,
  description: segment.description,
});

const fromTrait = (trait: AamTrait): SharedAudience => ({
  id: String(trait.sid),
  name: trait.name,
  kind: 'trait',
  dataSourceId: trait.dataSourceId,
  description: trait.description,
});

/** The shared-audience catalog read from AAM REST: segments (importable) and traits (not importable). */
export class AamSharedAudienceCatalog implements SharedAudienceCatalog {
  constructor(
    private readonly rest: AamRestClient,
    private readonly creation: SegmentCreationSettings,
  ) {}

  async list(): Promise<SharedAudience[]> {
    const [segments, traits] = await Promise.all([this.rest.listSegments(), this.rest.listTraits()]);
    return [...segments.map(fromSegment), ...traits.map(fromTrait)];
  }

  /** Looks the SID up as a segment first, then as a trait. */
  async get(id: string): Promise<SharedAudience | null> {
    if (!/^[0-9]{1,15}$/.test(id)) return null;
    const segment = await this.rest.getSegment(Number(id));
    if (segment !== null) return fromSegment(segment);
    const trait = await this.rest.getTrait(Number(id));
    return trait === null ? null : fromTrait(trait);
  }

  async createSegment(input: {
    readonly name: string;
    readonly dataSourceId: number;
  }): Promise<SharedAudience> {
    const created = await this.rest.createSegment({
      name: input.name,
      segmentRule: this.creation.segmentRule(input),
      folderId: this.creation.folderId,
      dataSourceId: input.dataSourceId,
      mergeRuleDataSourceId: input.dataSourceId,
    });
    return fromSegment(created);
  }
}
