import type { FastifyBaseLogger } from 'fastify';

import type { EmulatorAdmin } from '../admin/EmulatorAdmin.js';

/** Ingests inbound deliveries every `intervalMs` (0 disables it); returns the function that stops it. */
export function startIngestPolling(
  admin: EmulatorAdmin,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => void {
  if (intervalMs === 0) return () => undefined;

  const timer = setInterval(() => {
    admin.ingest().then(
      (receipts) => {
        if (receipts.length > 0) log.info({ deliveries: receipts.length }, 'inbound deliveries ingested');
      },
      (error: unknown) => {
        log.error({ err: error }, 'inbound ingestion failed');
      },
    );
  }, intervalMs);
  timer.unref();

  return () => {
    clearInterval(timer);
  };
}
