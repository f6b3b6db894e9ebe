/** An HTTP answer read in full within one attempt. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** A failed attempt worth retrying: a 5xx, or a 429/503 without Retry-After. */
export class RetryableStatusError extends Error {
  override readonly name = 'RetryableStatusError';

  constructor(readonly answer: HttpAnswer) {
    super(`HTTP ${answer.status}`);
  }
}

/** The service's own words from an error body: `message`, `error_description` or `error`, else the text. */
export function serviceMessage(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.text) as Record<string, unknown>;
    for (const field of ['message', 'error_description', 'error', 'detail']) {
      const value = body[field];
      if (typeof value === 'string' && value !== '') return value.slice(0, 300);
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return answer.text.trim().slice(0, 300) || `HTTP ${answer.status}`;
}
