/** The parts of an outbound (destination) file name, as Audience Manager names its deliveries. */
export interface OutboundFileName {
  /** The transport prefix, e.g. `S3` or `FTP`. */
  readonly syncType: string;
  readonly destinationId: number;
  readonly masterDpid: number;
  readonly pidAlias: string;
  readonly mode: 'iter' | 'full';
  /** UTC milliseconds, written as 13 digits. */
  readonly timestampMs: number;
  /** 1-based split number, written zero-padded to at least 3 digits. */
  readonly split: number;
  readonly gzip: boolean;
}

const pattern = /^([A-Za-z0-9]+)_([0-9]+)_([0-9]+)_(.+)_(iter|full)_([0-9]{13})([0-9]{3,})\.sync(\.gz)?$/;

/** The name of a delivery without its split and `.sync[.gz]`, shared by its files and its `.info`. */
export function outboundDeliveryName(parts: Omit<OutboundFileName, 'split' | 'gzip'>): string {
  const timestamp = String(parts.timestampMs).padStart(13, '0');
  return `${parts.syncType}_${parts.destinationId}_${parts.masterDpid}_${parts.pidAlias}_${parts.mode}_${timestamp}`;
}

/** Formats e.g. `S3_1234_20914_AudienceBridge_iter_1486140844000001.sync.gz`. */
export function formatOutboundFileName(parts: OutboundFileName): string {
  const split = String(parts.split).padStart(3, '0');
  return `${outboundDeliveryName(parts)}${split}.sync${parts.gzip ? '.gz' : ''}`;
}

/** Parses an outbound file name, or returns null when the name is not one. */
export function parseOutboundFileName(name: string): OutboundFileName | null {
  const match = pattern.exec(name);
  if (match === null) return null;

  const [, syncType, did, dpid, pidAlias, mode, timestamp, split, gz] = match;
  if (!syncType || !did || !dpid || !pidAlias || !timestamp || !split) return null;
  const splitNumber = Number(split);
  if (splitNumber < 1) return null;
  return {
    syncType,
    destinationId: Number(did),
    masterDpid: Number(dpid),
    pidAlias,
    mode: mode === 'full' ? 'full' : 'iter',
    timestampMs: Number(timestamp),
    split: splitNumber,
    gzip: gz !== undefined,
  };
}
