import type { Config } from '../config/Config.js';
import type { Job } from './JobQueue.js';

/** What a job thread is started with. */
export interface JobThreadData {
  readonly config: Config;
  readonly logLevel: string;
}

/** Messages to a job thread. */
export type ToJobThread =
  { readonly type: 'run'; readonly id: number; readonly job: Job } | { readonly type: 'close' };

/** Messages from a job thread. */
export type FromJobThread =
  | { readonly type: 'ready' }
  | { readonly type: 'log'; readonly line: string }
  | {
      readonly type: 'metric';
      readonly kind: string;
      readonly outcome: 'succeeded' | 'failed' | 'dead-letter';
      readonly durationMs: number;
      readonly ids: number;
    }
  | { readonly type: 'done'; readonly id: number }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly message: string;
      readonly retryable: boolean;
      readonly runId: string | null;
    };
