import { DomainError, systemClock, type Clock } from '@audience-bridge/domain';

import { AamSharedAudienceCatalog } from './catalog/AamSharedAudienceCatalog.js';
import { ResilientHttpClient } from './http/ResilientHttpClient.js';
import { ImsTokenProvider } from './ims/ImsTokenProvider.js';
import {
  peopleCoreConfigSchema,
  type PeopleCoreConfig,
  type PeopleCoreConfigInput,
} from './PeopleCoreConfig.js';
import { AamRestClient } from './rest/AamRestClient.js';
import { AamUploadSink } from './sink/AamUploadSink.js';
import { AamSegmentSource } from './source/AamSegmentSource.js';
import type { ExchangeStorage } from './storage/ExchangeStorage.js';
import { LocalDirectoryStorage } from './storage/LocalDirectoryStorage.js';
import { S3Storage, type S3StorageOptions } from './storage/S3Storage.js';

/** The three People core ports, plus what they are built on (for tools and tests). */
export interface PeopleCore {
  readonly catalog: AamSharedAudienceCatalog;
  readonly source: AamSegmentSource;
  readonly sink: AamUploadSink;
  readonly storage: ExchangeStorage;
  readonly ims: ImsTokenProvider;
  readonly rest: AamRestClient;
}

/** Optional collaborators; `fetch` is replaceable for tests. */
export interface PeopleCoreDependencies {
  readonly clock?: Clock;
  readonly fetch?: typeof fetch;
}

/** Validates the configuration and lists every problem, never echoing the secret. */
export function parsePeopleCoreConfig(input: PeopleCoreConfigInput): PeopleCoreConfig {
  const parsed = peopleCoreConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw DomainError.invalid(`the People core configuration is invalid: ${issues.join('; ')}`, issues);
}

/** Builds the exchange storage a configuration names: a local directory, or an S3 prefix. */
export function createExchangeStorage(config: Pick<PeopleCoreConfig, 'exchange' | 's3'>): ExchangeStorage {
  if (!config.exchange.startsWith('s3://')) return new LocalDirectoryStorage(config.exchange);
  const options: { -readonly [K in keyof S3StorageOptions]: S3StorageOptions[K] } = { url: config.exchange };
  const s3 = config.s3;
  if (s3?.endpoint !== undefined) options.endpoint = s3.endpoint;
  if (s3?.region !== undefined) options.region = s3.region;
  if (s3?.forcePathStyle !== undefined) options.forcePathStyle = s3.forcePathStyle;
  if (s3?.credentials !== undefined) options.credentials = s3.credentials;
  return new S3Storage(options);
}

/** Builds the catalog, segment source and upload sink from one configuration. */
export function createPeopleCore(
  input: PeopleCoreConfigInput,
  dependencies: PeopleCoreDependencies = {},
): PeopleCore {
  const config = parsePeopleCoreConfig(input);
  const fetchImpl = dependencies.fetch ?? globalThis.fetch;
  const ims = new ImsTokenProvider(
    {
      imsUrl: config.imsUrl,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      scope: config.scope,
    },
    new ResilientHttpClient('IMS', config.resilience, fetchImpl),
  );
  const rest = new AamRestClient(
    config.restUrl,
    ims,
    new ResilientHttpClient('Audience Manager', config.resilience, fetchImpl),
    config.pageSize,
  );
  const storage = createExchangeStorage(config);
  const folderId = config.segments.folderId;
  const inbound = {
    ...(config.inbound.maxFileBytes === undefined ? {} : { maxFileBytes: config.inbound.maxFileBytes }),
    ...(config.inbound.gzip === undefined ? {} : { gzip: config.inbound.gzip }),
  };
  return {
    catalog: new AamSharedAudienceCatalog(rest, {
      folderId,
      segmentRule: ({ dataSourceId }) => `audienceBridgeUpload == ${dataSourceId}`,
    }),
    source: new AamSegmentSource(storage),
    sink: new AamUploadSink(storage, inbound, dependencies.clock ?? systemClock),
    storage,
    ims,
    rest,
  };
}
