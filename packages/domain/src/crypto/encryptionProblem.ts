import {
  isAes,
  type AesAlgorithm,
  type Encryption,
  type SharedDataSource,
} from '../datasources/SharedDataSource.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';

/** The AES part of an encryption: the only one with a key and an IV. */
export type AesEncryption = Extract<Encryption, { readonly key: string }>;

/** AES works on 16-byte blocks; the CBC IV is one block whatever the key size. */
export const AES_BLOCK_BYTES = 16;

/** Key bytes each algorithm requires. */
export const aesKeyBytes: Readonly<Record<AesAlgorithm, number>> = {
  'aes-128-cbc': 16,
  'aes-192-cbc': 24,
  'aes-256-cbc': 32,
};

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Why a data source's encryption cannot work, or `null`: a key whose length does not match the
 * algorithm would otherwise surface as a decryption failure on every single ID.
 */
export function encryptionProblem(encryption: Encryption): string | null {
  if (!isAes(encryption)) return null;

  const keyBytes = aesKeyBytes[encryption.algorithm];
  if (!HEX.test(encryption.key) || encryption.key.length !== keyBytes * 2) {
    return `the key of ${encryption.algorithm} is ${keyBytes} bytes: ${keyBytes * 2} hex characters`;
  }
  if (!HEX.test(encryption.iv) || encryption.iv.length !== AES_BLOCK_BYTES * 2) {
    return `the IV of AES-CBC is ${AES_BLOCK_BYTES} bytes: ${AES_BLOCK_BYTES * 2} hex characters`;
  }

  return null;
}

/** The data source itself when its encryption can work, for edges that register data sources. */
export function checkEncryption(source: SharedDataSource): Result<SharedDataSource> {
  const problem = encryptionProblem(source.encryption);

  return problem === null
    ? ok(source)
    : err(
        new DomainError('DATASOURCE.INVALID_ENCRYPTION', `Data source ${source.id}: ${problem}`, { problem }),
      );
}
