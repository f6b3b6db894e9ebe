/** The parts of an inbound (onboarding) file name, `ftp_dpm_<DPID>[_<TARGET>]_<unix seconds>.sync[.<SPLIT>][.gz]`. */
export interface InboundFileName {
  readonly dpid: number;
  /** The data owner's DPID, required by AAM when `dpid` is a global device data source. */
  readonly targetDpid: number | null;
  /** UTC Unix seconds, written as 10 digits. */
  readonly timestampSec: number;
  /** `sync` adds and removes traits; `overwrite` replaces the listed users' traits. */
  readonly mode: 'sync' | 'overwrite';
  /** 1-based split number, or null for an unsplit delivery. */
  readonly split: number | null;
  readonly gzip: boolean;
}

const pattern = /^ftp_dpm_([0-9]+)(?:_([0-9]+))?_([0-9]{10})\.(sync|overwrite)(?:\.([0-9]+))?(\.gz)?$/;

/** The name of an inbound delivery without mode, split and `.gz`, shared by its `.info` and receipt. */
export function inboundDeliveryName(
  parts: Pick<InboundFileName, 'dpid' | 'targetDpid' | 'timestampSec'>,
): string {
  const target = parts.targetDpid === null ? '' : `_${parts.targetDpid}`;
  return `ftp_dpm_${parts.dpid}${target}_${String(parts.timestampSec).padStart(10, '0')}`;
}

/** Formats e.g. `ftp_dpm_21_1700000000.sync.1.gz`; the split is a plain integer. */
export function formatInboundFileName(parts: InboundFileName): string {
  const split = parts.split === null ? '' : `.${parts.split}`;
  return `${inboundDeliveryName(parts)}.${parts.mode}${split}${parts.gzip ? '.gz' : ''}`;
}

/** Parses an inbound file name, or returns null when the name is not one. */
export function parseInboundFileName(name: string): InboundFileName | null {
  const match = pattern.exec(name);
  if (match === null) return null;

  const [, dpid, target, timestamp, mode, split, gz] = match;
  if (!dpid || !timestamp) return null;
  if (split !== undefined && Number(split) < 1) return null;
  return {
    dpid: Number(dpid),
    targetDpid: target === undefined ? null : Number(target),
    timestampSec: Number(timestamp),
    mode: mode === 'overwrite' ? 'overwrite' : 'sync',
    split: split === undefined ? null : Number(split),
    gzip: gz !== undefined,
  };
}
