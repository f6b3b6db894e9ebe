import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals secrets at rest with AES-256-GCM under a key derived from the master key (HKDF-SHA256): a random
 * nonce per value, the tag checked on open, and the owner bound as associated data so a sealed value
 * cannot be moved to another row. Stored form: `v1:` + base64(nonce | tag | ciphertext).
 */
export class MasterKeySealer {
  private readonly key: Buffer;

  constructor(masterKey: string) {
    if (masterKey.length < 16)
      throw new Error('the master key must be at least 16 characters; use 32 random bytes');
    this.key = Buffer.from(hkdfSync('sha256', masterKey, 'audience-bridge', 'data-source secrets v1', 32));
  }

  seal(plaintext: string, owner: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);

    return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string, owner: string): string {
    if (!sealed.startsWith(PREFIX)) throw new Error('sealed value has an unknown format');

    const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAAD(Buffer.from(owner, 'utf8'));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));

    return Buffer.concat([
      decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }
}
