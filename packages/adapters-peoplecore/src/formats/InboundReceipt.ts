import { z } from 'zod';

/**
 * What the service writes after processing an inbound delivery, after the counters of AAM's inbound
 * receipt message: `storedRecords` = processed minus errors.
 */
export const inboundReceiptSchema = z.object({
  deliveryName: z.string().min(1),
  status: z.enum(['processed', 'failed']),
  recordsReceived: z.number().int().nonnegative(),
  recordsProcessed: z.number().int().nonnegative(),
  formatErrors: z.number().int().nonnegative(),
  invalidIds: z.number().int().nonnegative().default(0),
  storedRecords: z.number().int().nonnegative().optional(),
  realizedTraits: z.number().int().nonnegative().optional(),
  removedTraits: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
  jobStart: z.string().optional(),
  jobEnd: z.string().optional(),
});

/** A parsed inbound receipt. */
export type InboundReceipt = z.infer<typeof inboundReceiptSchema>;

/** Parses a receipt's JSON text, or returns null when it is not a valid receipt. */
export function parseInboundReceipt(text: string): InboundReceipt | null {
  try {
    const parsed = inboundReceiptSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
