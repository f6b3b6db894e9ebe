import { DomainError } from '@audience-bridge/domain';
import type { z } from 'zod';

import { serviceMessage, type HttpAnswer } from '../http/HttpAnswer.js';
import type { HttpRequest, ResilientHttpClient } from '../http/ResilientHttpClient.js';
import type { ImsTokenProvider } from '../ims/ImsTokenProvider.js';
import {
  aamDataSourceSchema,
  aamSegmentSchema,
  aamTraitSchema,
  listingSchema,
  type AamDataSource,
  type AamSegment,
  type AamTrait,
} from './aamSchemas.js';

/** What `POST /v1/segments` needs. */
export interface AamSegmentInput {
  readonly name: string;
  readonly description?: string;
  readonly segmentRule: string;
  readonly folderId: number;
  readonly dataSourceId: number;
  readonly mergeRuleDataSourceId: number;
  readonly integrationCode?: string;
}

/** The AAM REST subset used here, authenticated with an IMS token and the client id as API key. */
export class AamRestClient {
  private readonly base: string;

  constructor(
    restUrl: string,
    private readonly ims: ImsTokenProvider,
    private readonly http: ResilientHttpClient,
    private readonly pageSize = 200,
  ) {
    this.base = restUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
  }

  listDataSources(): Promise<AamDataSource[]> {
    return this.listAll('datasources', aamDataSourceSchema);
  }

  listSegments(): Promise<AamSegment[]> {
    return this.listAll('segments', aamSegmentSchema);
  }

  listTraits(): Promise<AamTrait[]> {
    return this.listAll('traits', aamTraitSchema);
  }

  async getSegment(sid: number): Promise<AamSegment | null> {
    return this.getOne(`segments/${sid}`, aamSegmentSchema);
  }

  async getTrait(sid: number): Promise<AamTrait | null> {
    return this.getOne(`traits/${sid}`, aamTraitSchema);
  }

  async createSegment(input: AamSegmentInput): Promise<AamSegment> {
    const answer = await this.call({
      method: 'POST',
      path: 'segments',
      body: JSON.stringify(input),
      idempotent: false,
    });
    if (answer.status !== 200 && answer.status !== 201) throw rejected(answer, 'POST /v1/segments');
    return validate(answer, aamSegmentSchema, 'POST /v1/segments');
  }

  private async getOne<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
    const answer = await this.call({ method: 'GET', path });
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw rejected(answer, `GET /v1/${path}`);
    return validate(answer, schema, `GET /v1/${path}`);
  }

  private async listAll<T>(resource: string, schema: z.ZodType<T>): Promise<T[]> {
    const all: T[] = [];
    for (let page = 0; ; page += 1) {
      const path = `${resource}?page=${page}&pageSize=${this.pageSize}`;
      const answer = await this.call({ method: 'GET', path });
      if (answer.status !== 200) throw rejected(answer, `GET /v1/${resource}`);
      const listing = validate(answer, listingSchema, `GET /v1/${resource}`);
      const items = Array.isArray(listing) ? listing : (listing.list ?? listing.items ?? listing.data ?? []);
      all.push(
        ...items.map((item, index) => validateItem(item, schema, `GET /v1/${resource} item ${index}`)),
      );
      const total = Array.isArray(listing) ? undefined : (listing.total ?? listing.totalCount);
      const done =
        Array.isArray(listing) ||
        items.length < this.pageSize ||
        (total !== undefined && all.length >= total);
      if (done) return all;
    }
  }

  private async call(request: {
    method: 'GET' | 'POST';
    path: string;
    body?: string;
    idempotent?: boolean;
  }): Promise<HttpAnswer> {
    const answer = await this.http.send(await this.request(request));
    if (answer.status !== 401) return answer;
    this.ims.invalidate();
    return this.http.send(await this.request(request));
  }

  private async request(request: {
    method: 'GET' | 'POST';
    path: string;
    body?: string;
    idempotent?: boolean;
  }): Promise<HttpRequest> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.ims.token()}`,
      'x-api-key': this.ims.clientId,
      accept: 'application/json',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const result: HttpRequest = {
      method: request.method,
      url: `${this.base}/v1/${request.path}`,
      what: `AAM ${request.method} /v1/${request.path.split('?')[0] ?? ''}`,
      headers,
      idempotent: request.idempotent ?? true,
    };
    return request.body === undefined ? result : { ...result, body: request.body };
  }
}

function rejected(answer: HttpAnswer, call: string): DomainError {
  return new DomainError(
    'PEOPLECORE.REJECTED',
    `Audience Manager refused ${call} (HTTP ${answer.status}): ${serviceMessage(answer)}`,
    { status: answer.status, call },
  );
}

function validate<T>(answer: HttpAnswer, schema: z.ZodType<T>, call: string): T {
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw malformed(call, ['the body is not JSON']);
  }
  return validateItem(json, schema, call);
}

function validateItem<T>(value: unknown, schema: z.ZodType<T>, call: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw malformed(
    call,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

function malformed(call: string, issues: readonly string[]): DomainError {
  return new DomainError(
    'PEOPLECORE.REJECTED',
    `Audience Manager answered ${call} with an unexpected shape (${issues.slice(0, 5).join('; ')}); check that the REST URL points at AAM`,
    { call, issues },
  );
}
