import type { Channel, Encryption, ReconciliationKey, SharedDataSource } from '@audience-bridge/domain';

import type { SourceKind } from './PopulationOptions.js';

/**
 * A data source of a synthetic population: what Audience Manager knows of it (DPID, destination,
 * ID type) and, in `shared`, how the campaign side must configure it (key, channel, encryption).
 */
export interface PopulationDataSource {
  readonly kind: SourceKind;
  readonly dataSourceId: number;
  readonly destinationId: number;
  readonly name: string;
  readonly integrationCode: string;
  readonly idType: 'COOKIE' | 'CROSS_DEVICE';
  /** The onboarded trait every segment of this source is defined on. */
  readonly traitSid: number;
  readonly shared: SharedDataSource;
}

interface Definition {
  readonly dataSourceId: number;
  readonly name: string;
  readonly idType: 'COOKIE' | 'CROSS_DEVICE';
  readonly reconciliationKey: ReconciliationKey;
  readonly channel: Channel;
}

const definitions: Readonly<Record<SourceKind, Definition>> = {
  visitor: {
    dataSourceId: 163401,
    name: 'Experience Cloud visitor IDs',
    idType: 'COOKIE',
    reconciliationKey: 'visitorId',
    channel: 'other',
  },
  aesEmail: {
    dataSourceId: 163402,
    name: 'Emails (AES-256-CBC)',
    idType: 'CROSS_DEVICE',
    reconciliationKey: 'email',
    channel: 'email',
  },
  hashedEmail: {
    dataSourceId: 163403,
    name: 'Emails (SHA256, lowercased)',
    idType: 'CROSS_DEVICE',
    reconciliationKey: 'email',
    channel: 'email',
  },
  crmId: {
    dataSourceId: 163404,
    name: 'CRM ids',
    idType: 'CROSS_DEVICE',
    reconciliationKey: 'custom:crmId',
    channel: 'other',
  },
};

/** Destination ids follow the DPIDs so that each source has exactly one destination. */
const DESTINATION_OFFSET = 5100 - 163400;
const TRAIT_OFFSET = 10000 - 163400;

function encryptionOf(kind: SourceKind, aes: { key: string; iv: string }): Encryption {
  if (kind === 'aesEmail') return { algorithm: 'aes-256-cbc', key: aes.key, iv: aes.iv };

  return kind === 'hashedEmail' ? { algorithm: 'sha256' } : { algorithm: 'none' };
}

/** The population's data source of one kind, with the given AES key and IV for the encrypted one. */
export function populationDataSource(
  kind: SourceKind,
  aes: { key: string; iv: string },
): PopulationDataSource {
  const definition = definitions[kind];
  const destinationId = definition.dataSourceId + DESTINATION_OFFSET;
  const shared: SharedDataSource = {
    id: `emulator-${kind}`,
    label: definition.name,
    dataSourceId: definition.dataSourceId,
    destinationId,
    reconciliationKey: definition.reconciliationKey,
    channel: definition.channel,
    encryption: encryptionOf(kind, aes),
  };

  return {
    kind,
    dataSourceId: definition.dataSourceId,
    destinationId,
    name: definition.name,
    integrationCode: `emulator-${kind}`,
    idType: definition.idType,
    traitSid: definition.dataSourceId + TRAIT_OFFSET,
    shared,
  };
}
