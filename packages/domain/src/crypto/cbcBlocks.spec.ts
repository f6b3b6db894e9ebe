import { describe, expect, it } from 'vitest';

import { cbcDecryptBlocks, cbcEncryptBlocks, pkcs7Pad, pkcs7UnpaddedEnd } from './cbcBlocks.js';

// NIST SP 800-38A, appendix F.2.1 to F.2.6: CBC-AES128/192/256, encrypt and decrypt, no padding.
const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const plaintext = Buffer.from(
  '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51' +
    '30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
  'hex',
);
const vectors = [
  {
    name: 'F.2.1/F.2.2 CBC-AES128',
    key: '2b7e151628aed2a6abf7158809cf4f3c',
    ciphertext:
      '7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2' +
      '73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7',
  },
  {
    name: 'F.2.3/F.2.4 CBC-AES192',
    key: '8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b',
    ciphertext:
      '4f021db243bc633d7178183a9fa071e8b4d9ada9ad7dedf4e5e738763f69145a' +
      '571b242012fb7ae07fa9baac3df102e008b0e27988598881d920a9e64f5615cd',
  },
  {
    name: 'F.2.5/F.2.6 CBC-AES256',
    key: '603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4',
    ciphertext:
      'f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d' +
      '39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b',
  },
];

describe('the raw CBC block functions', () => {
  it.each(vectors)('should encrypt the NIST $name vector', ({ key, ciphertext }) => {
    const encrypted = cbcEncryptBlocks(plaintext, Buffer.from(key, 'hex'), iv);

    expect(encrypted.toString('hex')).toBe(ciphertext);
  });

  it.each(vectors)('should decrypt the NIST $name vector', ({ key, ciphertext }) => {
    const decrypted = cbcDecryptBlocks(Buffer.from(ciphertext, 'hex'), Buffer.from(key, 'hex'), iv);

    expect(decrypted.toString('hex')).toBe(plaintext.toString('hex'));
  });
});

describe('PKCS#7 padding', () => {
  it('should pad to the next block, with a full block when already aligned', () => {
    expect(pkcs7Pad(Buffer.from('abc')).toString('hex')).toBe(`616263${'0d'.repeat(13)}`);
    expect(pkcs7Pad(Buffer.alloc(16, 1)).subarray(16).toString('hex')).toBe('10'.repeat(16));
    expect(pkcs7Pad(Buffer.alloc(0)).toString('hex')).toBe('10'.repeat(16));
  });

  it('should find the message end only when every pad byte holds the pad length', () => {
    const valid = pkcs7Pad(Buffer.from('hello'));
    const inconsistent = Buffer.from(valid);
    inconsistent[12] = 1;
    const zero = Buffer.from(valid);
    zero[15] = 0;
    const tooLong = Buffer.from(valid);
    tooLong[15] = 17;

    expect(pkcs7UnpaddedEnd(valid, 0, 16)).toBe(5);
    expect(pkcs7UnpaddedEnd(inconsistent, 0, 16)).toBeNull();
    expect(pkcs7UnpaddedEnd(zero, 0, 16)).toBeNull();
    expect(pkcs7UnpaddedEnd(tooLong, 0, 16)).toBeNull();
  });
});
