/** The profile field a data source's declared IDs are matched against. */
export type ReconciliationKey = 'visitorId' | 'email' | 'mobilePhone' | `custom:${string}`;

/** Email or SMS means a decrypted ID is an address; other means the key is used as it is. */
export type Channel = 'email' | 'sms' | 'other';

export type AesAlgorithm = 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc';

export type EncryptionAlgorithm = 'none' | 'sha256' | AesAlgorithm;

/** How a data source protects its declared IDs; AES keys and IVs are hex. */
export type Encryption =
  | { readonly algorithm: 'none' }
  | { readonly algorithm: 'sha256' }
  | { readonly algorithm: AesAlgorithm; readonly key: string; readonly iv: string };

/** A People core data source as the campaign side configures it. */
export interface SharedDataSource {
  readonly id: string;
  readonly label: string;
  /** The Audience Manager data source id (DPID). */
  readonly dataSourceId: number;
  /** The Audience Manager destination that delivers this source's segments, when there is one. */
  readonly destinationId: number | null;
  readonly reconciliationKey: ReconciliationKey;
  readonly channel: Channel;
  readonly encryption: Encryption;
}

/** What a listing may show of a data source: never its key or IV. */
export type SharedDataSourceSummary = Omit<SharedDataSource, 'encryption'> & {
  readonly encryption: { readonly algorithm: EncryptionAlgorithm };
};

export const isAes = (encryption: Encryption): encryption is Extract<Encryption, { key: string }> =>
  encryption.algorithm.startsWith('aes-');

export function summariseDataSource(source: SharedDataSource): SharedDataSourceSummary {
  return { ...source, encryption: { algorithm: source.encryption.algorithm } };
}
