import type { WorkflowDocument } from '@audience-bridge/domain';
import type { EmbeddedEmulatorOptions } from '@audience-bridge/app-api';
import type { SourceKind } from '@audience-bridge/peoplecore-emulator';

/** The demo's fixed seed, so every run of the same size gives the same people and segments. */
export const DEMO_SEED = 7;

/** The share of the population that is in the campaign's profile base. */
const CAMPAIGN_SHARE = 0.8;

/** The emulator population for a profile base of `profiles` people: four segments, some malformed IDs. */
export function demoEmulatorOptions(profiles: number): EmbeddedEmulatorOptions {
  const share = (fraction: number): number => Math.max(10, Math.round(profiles * fraction));
  const segment = (name: string, source: SourceKind, size: number, malformed = 0) => ({
    name,
    source,
    size,
    malformed,
  });

  return {
    seed: DEMO_SEED,
    population: {
      size: Math.round(profiles / CAMPAIGN_SHARE),
      campaignShare: CAMPAIGN_SHARE,
      segments: [
        segment('Recent visitors', 'visitor', share(0.2), 25),
        segment('Newsletter readers', 'aesEmail', share(0.15), 10),
        segment('Loyal buyers', 'hashedEmail', share(0.1)),
        segment('Store card holders', 'crmId', share(0.05)),
      ],
    },
  };
}

/** The data sources the demo registers, by population kind. */
export const demoSourceKinds: readonly SourceKind[] = ['visitor', 'aesEmail', 'hashedEmail'];

/** The last name the export workflow targets. */
export const EXPORT_LAST_NAME = 'Martin';

/** The export: profiles named Martin → a new shared segment (hashed emails) → a list of those exported. */
export function demoWorkflow(dataSourceId: string): WorkflowDocument {
  return {
    name: 'Demo: Martins to People core',
    activities: [
      {
        id: 'martins',
        type: 'query',
        filter: { field: 'attributes.lastName', op: 'eq', value: EXPORT_LAST_NAME },
      },
      {
        id: 'share',
        type: 'saveAudience',
        input: 'martins',
        share: {
          target: { createSegment: { name: 'Audience Bridge demo: Martins' } },
          dataSourceId,
          outboundTransition: true,
        },
      },
      {
        id: 'keep',
        type: 'saveAudience',
        input: 'share',
        audience: { label: 'Demo: Martins exported', mode: 'replace' },
      },
    ],
  };
}
