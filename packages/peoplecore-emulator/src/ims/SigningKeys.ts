import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

/** The RSA key pair that signs the emulator's tokens, and the public half as a JWKS publishes it. */
export interface SigningKeys {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public key as a JWK with `kid`, `alg` and `use`. */
  readonly publicJwk: JWK;
  /** The private key as a JWK, to persist so that tokens outlive a restart. */
  readonly privateJwk: JWK;
  readonly kid: string;
}

const ALG = 'RS256';

async function fromPrivateJwk(privateJwk: JWK): Promise<SigningKeys> {
  const { kty, n, e } = privateJwk;
  if (kty !== 'RSA' || n === undefined || e === undefined || privateJwk.d === undefined) {
    throw new RangeError('signingKey: an RSA private key in JWK form (kty, n, e, d, …) is required');
  }
  const kid = privateJwk.kid ?? (await calculateJwkThumbprint({ kty, n, e }));
  const publicJwk: JWK = { kty, n, e, kid, alg: ALG, use: 'sig' };
  const privateKey = await importJWK({ ...privateJwk, alg: ALG }, ALG);
  const publicKey = await importJWK(publicJwk, ALG);
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) {
    throw new RangeError('signingKey: the JWK did not import as an asymmetric key');
  }

  return { privateKey, publicKey, publicJwk, privateJwk: { ...privateJwk, kid }, kid };
}

/** Loads the signing key pair from a private JWK, or generates a fresh RS256 pair. */
export async function createSigningKeys(privateJwk?: JWK): Promise<SigningKeys> {
  if (privateJwk !== undefined) return fromPrivateJwk(privateJwk);

  const pair = await generateKeyPair(ALG, { extractable: true });

  return fromPrivateJwk(await exportJWK(pair.privateKey));
}
