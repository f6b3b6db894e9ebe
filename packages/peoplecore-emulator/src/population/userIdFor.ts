import { createCipheriv } from 'node:crypto';

import { normaliseEmail, sha256Hex, type Encryption } from '@audience-bridge/domain';

import type { Person } from './Person.js';
import type { PopulationDataSource } from './PopulationDataSource.js';

/**
 * AES-CBC with PKCS#7 through Node's own cipher, independent of the domain's batch code on purpose:
 * the emulator is the oracle that the campaign side's decryption is tested against.
 */
function encryptHex(plaintext: string, encryption: Extract<Encryption, { key: string }>): string {
  const cipher = createCipheriv(
    encryption.algorithm,
    Buffer.from(encryption.key, 'hex'),
    Buffer.from(encryption.iv, 'hex'),
  );

  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('hex');
}

function declaredValue(person: Person, source: PopulationDataSource): string {
  if (source.kind === 'crmId') return person.crmId;

  const email = normaliseEmail(person.email);
  if (email === null) throw new RangeError(`userIdFor: person ${person.index} has no valid email`);

  return email;
}

/**
 * A person's user ID as the data source declares it in batch files: the ECID for the visitor-ID
 * source; otherwise the declared ID, AES-encrypted (lower-case hex), SHA-256 hashed, or plain.
 */
export function userIdFor(person: Person, source: PopulationDataSource): string {
  if (source.kind === 'visitor') return person.ecid;

  const value = declaredValue(person, source);
  const encryption = source.shared.encryption;
  if (encryption.algorithm === 'sha256') return sha256Hex(value);
  if (encryption.algorithm === 'none') return value;

  return encryptHex(value, encryption);
}
