import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The service's Prometheus metrics, in a registry of their own so that several apps can share a process. */
export class Metrics {
  readonly registry = new Registry();

  readonly runs = new Counter({
    name: 'audience_bridge_runs_total',
    help: 'Runs finished, by kind and outcome (succeeded, failed, dead-letter)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly idsProcessed = new Counter({
    name: 'audience_bridge_ids_processed_total',
    help: 'Input IDs (import) or targeted profiles (export) of finished runs',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly runDuration = new Histogram({
    name: 'audience_bridge_run_duration_seconds',
    help: 'Duration of finished runs',
    labelNames: ['kind', 'outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'audience_bridge_http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });

  constructor(options: { readonly processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts a finished run. */
  recordRun(
    kind: string,
    outcome: 'succeeded' | 'failed' | 'dead-letter',
    durationMs: number,
    ids: number,
  ): void {
    this.runs.inc({ kind, outcome });
    this.runDuration.observe({ kind, outcome }, durationMs / 1000);
    if (ids > 0) this.idsProcessed.inc({ kind }, ids);
  }
}
