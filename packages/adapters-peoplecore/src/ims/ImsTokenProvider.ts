import { DomainError } from '@audience-bridge/domain';
import { z } from 'zod';

import { serviceMessage } from '../http/HttpAnswer.js';
import type { ResilientHttpClient } from '../http/ResilientHttpClient.js';

const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'token_type must be bearer'),
  expires_in: z.coerce.number().positive(),
});

/** The OAuth server-to-server credentials of an Adobe Developer Console project. */
export interface ImsCredentials {
  readonly imsUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
}

/** Share of a token's lifetime after which it is replaced by a fresh one. */
const REFRESH_AT = 0.9;

interface CachedToken {
  readonly value: string;
  readonly refreshAt: number;
}

/**
 * Client-credentials tokens from IMS (`POST /ims/token/v3`), cached and refreshed at 90% of their
 * lifetime; concurrent callers share one request. Neither the token nor the secret enter messages.
 */
export class ImsTokenProvider {
  private cached: CachedToken | null = null;
  private inflight: Promise<string> | null = null;

  constructor(
    private readonly credentials: ImsCredentials,
    private readonly http: ResilientHttpClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** The client id, sent as `x-api-key` with every AAM call. */
  get clientId(): string {
    return this.credentials.clientId;
  }

  /** A valid access token, from the cache when it is still fresh. */
  token(): Promise<string> {
    if (this.cached !== null && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.value);
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Forgets the cached token, e.g. after the service answered 401 to it. */
  invalidate(): void {
    this.cached = null;
  }

  private async fetchToken(): Promise<string> {
    const started = this.now();
    const answer = await this.http.send({
      method: 'POST',
      url: `${this.credentials.imsUrl.replace(/\/+$/, '')}/ims/token/v3`,
      what: 'the IMS token request',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
        scope: this.credentials.scope,
      }).toString(),
    });
    if (answer.status !== 200) {
      throw new DomainError(
        'PEOPLECORE.REJECTED',
        `IMS refused the client credentials (HTTP ${answer.status}: ${serviceMessage(answer)}); check the IMS client id, secret and scope`,
        { status: answer.status },
      );
    }
    const token = this.parse(answer.text);
    this.cached = { value: token.access_token, refreshAt: started + token.expires_in * 1000 * REFRESH_AT };
    return token.access_token;
  }

  private parse(text: string): z.infer<typeof tokenSchema> {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // reported below as a malformed answer
    }
    const parsed = tokenSchema.safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
      throw new DomainError(
        'PEOPLECORE.REJECTED',
        `IMS answered with a malformed token response (fields: ${fields})`,
        {},
      );
    }
    return parsed.data;
  }
}
