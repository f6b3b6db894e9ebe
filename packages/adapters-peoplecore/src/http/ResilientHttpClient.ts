import { setTimeout as sleep } from 'node:timers/promises';

import { DomainError } from '@audience-bridge/domain';
import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  handleType,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';

import { RetryableStatusError, type HttpAnswer } from './HttpAnswer.js';
import type { ResilienceSettings } from './ResilienceSettings.js';
import { retryAfterMs } from './retryAfter.js';

/** One call; `what` names it in messages and must hold no secret. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly what: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** A non-idempotent call is not retried after a timeout or network error: it may have been applied. */
  readonly idempotent?: boolean;
}

type Outcome =
  { readonly kind: 'answer'; readonly answer: HttpAnswer } | { readonly kind: 'wait'; readonly ms: number };

/**
 * Calls an HTTP service with a timeout per attempt, retries with exponential backoff and jitter, a
 * consecutive-failure circuit breaker, and Retry-After honoured on 429/503 without counting as a failure.
 * Answers other than 5xx and 429 are returned for the caller to interpret.
 */
export class ResilientHttpClient {
  private readonly idempotentPolicy: IPolicy;
  private readonly statusOnlyPolicy: IPolicy;
  private readonly breakerOpen: () => boolean;

  constructor(
    private readonly service: string,
    private readonly settings: ResilienceSettings,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {
    const breaker = circuitBreaker(handleAll, {
      halfOpenAfter: settings.breakerHalfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breakerThreshold),
    });
    const backoff = new ExponentialBackoff({
      initialDelay: settings.initialBackoffMs,
      maxDelay: settings.maxBackoffMs,
    });
    const attempt = timeout(settings.attemptTimeoutMs, TimeoutStrategy.Aggressive);
    const retryAll = retry(
      handleWhen((error) => !(error instanceof BrokenCircuitError)),
      { maxAttempts: settings.retries, backoff },
    );
    const retryStatus = retry(handleType(RetryableStatusError), { maxAttempts: settings.retries, backoff });
    this.idempotentPolicy = wrap(retryAll, breaker, attempt);
    this.statusOnlyPolicy = wrap(retryStatus, breaker, attempt);
    this.breakerOpen = () => breaker.state === CircuitState.Open || breaker.state === CircuitState.Isolated;
  }

  /** Sends the request; throws `PEOPLECORE.UNAVAILABLE` when the service stays unreachable or failing. */
  async send(request: HttpRequest): Promise<HttpAnswer> {
    for (let waits = 0; ; waits += 1) {
      const outcome = await this.attemptWithRetries(request);
      if (outcome.kind === 'answer') return outcome.answer;
      if (waits >= this.settings.maxRetryAfterWaits) {
        throw this.unavailable(request, `it kept asking to retry later (${waits} Retry-After waits)`, null);
      }
      await sleep(Math.min(outcome.ms, this.settings.maxRetryAfterMs));
    }
  }

  private async attemptWithRetries(request: HttpRequest): Promise<Outcome> {
    try {
      const policy = request.idempotent === false ? this.statusOnlyPolicy : this.idempotentPolicy;
      return await policy.execute(({ signal }) => this.attempt(request, signal));
    } catch (error) {
      throw this.translate(request, error);
    }
  }

  private async attempt(request: HttpRequest, signal: AbortSignal): Promise<Outcome> {
    const init: RequestInit = { method: request.method, signal, headers: { ...request.headers } };
    if (request.body !== undefined) init.body = request.body;
    const response = await this.fetchImpl(request.url, init);
    return this.classify({ status: response.status, headers: response.headers, text: await response.text() });
  }

  private classify(answer: HttpAnswer): Outcome {
    if (answer.status === 429 || answer.status === 503) {
      const wait = retryAfterMs(answer.headers.get('retry-after'));
      if (wait !== null) return { kind: 'wait', ms: wait };
    }
    if (answer.status === 429 || answer.status >= 500) throw new RetryableStatusError(answer);
    return { kind: 'answer', answer };
  }

  private translate(request: HttpRequest, error: unknown): DomainError {
    if (error instanceof BrokenCircuitError || this.breakerOpen()) {
      const seconds = Math.round(this.settings.breakerHalfOpenAfterMs / 1000);
      return this.unavailable(
        request,
        `its circuit breaker is open after repeated failures; retry in ${seconds} s or later`,
        error,
      );
    }
    if (request.idempotent === false && !(error instanceof RetryableStatusError)) {
      const why = `the call failed and was not retried because it may have been applied (${describe(error)}); check before repeating it`;
      return this.unavailable(request, why, error);
    }
    return this.unavailable(
      request,
      `it still failed after ${this.settings.retries + 1} attempts (${describe(error)})`,
      error,
    );
  }

  private unavailable(request: HttpRequest, why: string, cause: unknown): DomainError {
    return new DomainError(
      'PEOPLECORE.UNAVAILABLE',
      `${this.service} did not complete ${request.what}: ${why}. Check that the service is reachable and rerun.`,
      { service: this.service, call: request.what },
      { cause },
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof RetryableStatusError) return `last answer HTTP ${error.answer.status}`;
  if (error instanceof Error && error.name === 'TaskCancelledError') return 'the attempt timed out';
  if (error instanceof Error) {
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${error.message}: ${code}` : error.message;
  }
  return 'unknown error';
}
