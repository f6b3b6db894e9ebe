import { DomainError, PortTokens } from '@audience-bridge/domain';
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';

import { AamSharedAudienceCatalog } from '../src/catalog/AamSharedAudienceCatalog.js';
import { createPeopleCore } from '../src/createPeopleCore.js';
import { peopleCoreModule } from '../src/peopleCoreModule.js';
import { AamUploadSink } from '../src/sink/AamUploadSink.js';
import { AamSegmentSource } from '../src/source/AamSegmentSource.js';
import { LocalDirectoryStorage } from '../src/storage/LocalDirectoryStorage.js';
import { S3Storage } from '../src/storage/S3Storage.js';

const config = {
  restUrl: 'http://127.0.0.1:1',
  imsUrl: 'http://127.0.0.1:1',
  clientId: 'client',
  clientSecret: 'do-not-print-me',
  exchange: '/tmp/exchange',
};

describe('createPeopleCore and peopleCoreModule', () => {
  it('should bind the three ports under the domain tokens', () => {
    const container = new Container();

    container.load(peopleCoreModule(config));

    expect(container.get(PortTokens.SharedAudienceCatalog)).toBeInstanceOf(AamSharedAudienceCatalog);
    expect(container.get(PortTokens.SegmentSource)).toBeInstanceOf(AamSegmentSource);
    expect(container.get(PortTokens.SegmentUploadSink)).toBeInstanceOf(AamUploadSink);
  });

  it('should choose the storage from the exchange setting', () => {
    expect(createPeopleCore(config).storage).toBeInstanceOf(LocalDirectoryStorage);
    const s3 = createPeopleCore({
      ...config,
      exchange: 's3://bucket/prefix',
      s3: { region: 'eu-west-1' },
    }).storage;
    expect(s3).toBeInstanceOf(S3Storage);
    expect(s3.location).toBe('s3://bucket/prefix');
  });

  it('should list every configuration problem without echoing the secret', () => {
    const error: unknown = (() => {
      try {
        createPeopleCore({ ...config, restUrl: 'not a url', clientId: '', resilience: { retries: -1 } });
        return null;
      } catch (caught) {
        return caught;
      }
    })();

    expect(DomainError.is(error, 'VALIDATION.INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toMatch(/restUrl.*clientId.*resilience\.retries/);
    expect(JSON.stringify((error as DomainError).details)).not.toContain('do-not-print-me');
  });
});
