import { z } from 'zod';

/** The kinds of data source a synthetic population carries, one of each. */
export const sourceKinds = ['visitor', 'aesEmail', 'hashedEmail', 'crmId'] as const;

export type SourceKind = (typeof sourceKinds)[number];

/** One segment to generate: how many people, how many of them outside the campaign base, how many bad IDs. */
export const segmentSpecSchema = z.strictObject({
  name: z.string().min(1),
  source: z.enum(sourceKinds),
  /** People in the segment, counting the outsiders. */
  size: z.int().min(0),
  /** Members who are not in the campaign's profile base; by default a tenth of the segment. */
  outsiders: z.int().min(0).optional(),
  /** Extra malformed user IDs added to the segment (not people). */
  malformed: z.int().min(0).default(0),
});

export type SegmentSpec = z.output<typeof segmentSpecSchema>;

const hex = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${bytes} bytes as lower-case hex`);

const defaultSegments: z.input<typeof segmentSpecSchema>[] = [
  { name: 'Recent visitors', source: 'visitor', size: 120 },
  { name: 'Newsletter readers', source: 'aesEmail', size: 100 },
  { name: 'Loyal buyers', source: 'hashedEmail', size: 80 },
  { name: 'Store card holders', source: 'crmId', size: 60 },
];

/** How to generate a population; the same options always give the same people and segments. */
export const populationOptionsSchema = z
  .strictObject({
    seed: z.int().default(1),
    size: z.int().min(1).max(1_000_000).default(500),
    /** Fraction of the people (the first ones) who are in the campaign's profile base. */
    campaignShare: z.number().min(0).max(1).default(0.8),
    orgId: z.string().min(1).default('EMULATOR0000000000000000@AdobeOrg'),
    /** AES-256 key and IV of the encrypted-email data source; derived from the seed when absent. */
    aesKey: hex(32).optional(),
    aesIv: hex(16).optional(),
    segments: z.array(segmentSpecSchema).prefault(defaultSegments),
  })
  .superRefine((options, context) => {
    const campaign = campaignCount(options.size, options.campaignShare);
    options.segments.forEach((segment, index) => {
      const outsiders = outsidersOf(segment, options.size, campaign);
      const problem = segmentProblem(segment, outsiders, campaign, options.size);
      if (problem !== null) context.addIssue({ code: 'custom', path: ['segments', index], message: problem });
    });
  });

/** Population options as given (every field optional). */
export type PopulationOptions = z.input<typeof populationOptionsSchema>;

export type PopulationSettings = z.output<typeof populationOptionsSchema>;

/** How many of the people are in the campaign's profile base. */
export function campaignCount(size: number, campaignShare: number): number {
  return Math.round(size * campaignShare);
}

/** The number of segment members taken from outside the campaign base. */
export function outsidersOf(segment: SegmentSpec, size: number, campaign: number): number {
  return segment.outsiders ?? Math.min(Math.ceil(segment.size / 10), size - campaign);
}

function segmentProblem(
  segment: SegmentSpec,
  outsiders: number,
  campaign: number,
  size: number,
): string | null {
  if (outsiders > segment.size) return `${outsiders} outsiders do not fit a segment of ${segment.size}`;
  if (outsiders > size - campaign)
    return `${outsiders} outsiders wanted, only ${size - campaign} people are outside the campaign base`;
  if (segment.size - outsiders > campaign) {
    return `${segment.size - outsiders} campaign members wanted, the campaign base has ${campaign} people`;
  }

  return null;
}
