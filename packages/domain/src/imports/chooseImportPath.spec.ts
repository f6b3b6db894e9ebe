import { describe, expect, it } from 'vitest';

import type { Encryption, SharedDataSource } from '../datasources/SharedDataSource.js';
import { assertDecryptToFile, assertImportable, chooseImportPath } from './chooseImportPath.js';

const aes: Encryption = { algorithm: 'aes-128-cbc', key: 'ab'.repeat(16), iv: '00'.repeat(16) };

const source = (encryption: Encryption, channel: SharedDataSource['channel']): SharedDataSource => ({
  id: 'ds-1',
  label: 'CRM',
  dataSourceId: 1,
  destinationId: null,
  reconciliationKey: 'email',
  channel,
  encryption,
});

const pathOf = (result: ReturnType<typeof chooseImportPath>) =>
  result.ok ? result.value : result.error.code;

describe('chooseImportPath', () => {
  it('should decrypt to a file for an AES source of channel email or SMS unless forced', () => {
    expect(pathOf(chooseImportPath(source(aes, 'email'), false))).toBe('decrypt-to-file');
    expect(pathOf(chooseImportPath(source(aes, 'sms'), false))).toBe('decrypt-to-file');
    expect(pathOf(chooseImportPath(source(aes, 'email'), true))).toBe('reconcile');
    expect(pathOf(chooseImportPath(source(aes, 'other'), false))).toBe('reconcile');
  });

  it('should reconcile an unencrypted or hashed source, and refuse to force it', () => {
    expect(pathOf(chooseImportPath(source({ algorithm: 'sha256' }, 'email'), false))).toBe('reconcile');
    expect(pathOf(chooseImportPath(source({ algorithm: 'none' }, 'sms'), false))).toBe('reconcile');
    expect(pathOf(chooseImportPath(source({ algorithm: 'sha256' }, 'email'), true))).toBe(
      'DATASOURCE.FORCE_NOT_ALLOWED',
    );
    expect(pathOf(chooseImportPath(source({ algorithm: 'none' }, 'other'), true))).toBe(
      'DATASOURCE.FORCE_NOT_ALLOWED',
    );
  });

  it('should refuse decrypt-to-file on a hashed source', () => {
    const result = assertDecryptToFile(source({ algorithm: 'sha256' }, 'email'));

    expect(result.ok ? null : result.error.code).toBe('DATASOURCE.DECRYPT_TO_FILE_IMPOSSIBLE');
  });
});

describe('assertImportable', () => {
  it('should refuse a trait, saying only segments can be imported', () => {
    const result = assertImportable({
      id: '42',
      name: 'Clicked',
      kind: 'trait',
      dataSourceId: 1,
      description: '',
    });

    expect(result.ok).toBe(false);
    expect(result.ok ? '' : `${result.error.code} ${result.error.message}`).toMatch(
      /AUDIENCE.NOT_IMPORTABLE.*only segments/,
    );
  });
});
