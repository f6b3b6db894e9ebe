import { z } from 'zod';

/** Where the manifests live: one per upload id, outside the date partitions the service reads. */
export const UPLOADS_PREFIX = 'inbound/uploads/';

/** Maps an upload id to the inbound delivery that carries it, so `status` can find it again. */
export const uploadManifestSchema = z.object({
  uploadId: z.string(),
  deliveryName: z.string(),
  /** The date partition prefix, e.g. `inbound/date=2024-03-05/`. */
  partition: z.string(),
  sharedAudienceId: z.string(),
  dataSourceId: z.number().int(),
  files: z.array(z.string()),
  records: z.number().int().nonnegative(),
  writtenAt: z.string(),
});

/** A parsed upload manifest. */
export type UploadManifest = z.infer<typeof uploadManifestSchema>;

export const manifestKey = (uploadId: string): string => `${UPLOADS_PREFIX}${uploadId}.json`;

/** Parses a stored manifest, or returns null when it is unreadable. */
export function parseManifest(bytes: Buffer | null): UploadManifest | null {
  if (bytes === null) return null;
  try {
    const parsed = uploadManifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
