import { parseInboundLine, type InboundLine } from '@audience-bridge/adapters-peoplecore/formats';
import { isVisitorId } from '@audience-bridge/domain';

import type { AamDataSource } from '../catalog/AamObjects.js';
import type { OrgCatalog } from '../catalog/OrgCatalog.js';
import type { Membership } from '../membership/Membership.js';
import type { InboundFile } from './readInboundDelivery.js';
import type { ReceiptCounters } from './ReceiptCounters.js';

/** Where an inbound file's lines land: the data source of its DPID and its organisation. */
export interface InboundTarget {
  readonly org: OrgCatalog;
  readonly dataSource: AamDataSource;
  readonly membership: Membership;
}

/** A visitor-ID source holds ECIDs only; a declared-ID (DPUUID) may not contain `:` or `%3A`. */
function validUserId(userId: string, dataSource: AamDataSource): boolean {
  if (dataSource.useAudienceManagerVisitorID) return isVisitorId(userId);

  return !userId.includes(':') && !userId.toUpperCase().includes('%3A');
}

/** The SIDs of a line that name a segment or trait of the file's data source; the others are counted. */
function usableSids(sids: readonly string[], target: InboundTarget, counters: ReceiptCounters): number[] {
  const usable: number[] = [];
  for (const sid of sids.map(Number)) {
    const item = target.org.item(sid);
    if (item?.dataSourceId === target.dataSource.dataSourceId) usable.push(sid);
    else counters.traitsFailedValidation += 1;
  }

  return usable;
}

/** Every SID of the data source, for an overwrite that replaces a user's memberships in it. */
function sidsOfSource(target: InboundTarget): number[] {
  const items = [...target.org.segments.values(), ...target.org.traits.values()];

  return items.filter((item) => item.dataSourceId === target.dataSource.dataSourceId).map((item) => item.sid);
}

function applyLine(
  line: InboundLine,
  overwrite: boolean,
  target: InboundTarget,
  counters: ReceiptCounters,
): void {
  const added = usableSids(line.traits, target, counters);
  // `.overwrite` replaces the user's memberships in this data source; AAM ignores d_unsid there.
  const removed = overwrite
    ? sidsOfSource(target).filter((sid) => !added.includes(sid))
    : usableSids(line.removed, target, counters);
  let changes = 0;
  for (const sid of added) changes += target.membership.add(sid, [line.userId]);
  counters.realizedTraits += changes;
  const before = changes;
  for (const sid of removed) changes += target.membership.remove(sid, [line.userId]);
  counters.removedTraits += changes - before;
  if (added.length === 0 && (overwrite || removed.length === 0)) counters.noTraitRealized += 1;
}

/** Applies one verified `.sync` or `.overwrite` file line by line; a bad line is counted, never fatal. */
export function applyInboundFile(file: InboundFile, target: InboundTarget, counters: ReceiptCounters): void {
  const text = file.content.toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, index) => {
    counters.recordsReceived += 1;
    const parsed = parseInboundLine(raw, index + 1);
    if (!parsed.ok) {
      counters.formatErrors += 1;
      return;
    }
    if (!validUserId(parsed.value.userId, target.dataSource)) {
      counters.invalidIds += 1;
      return;
    }
    counters.recordsProcessed += 1;
    applyLine(parsed.value, file.parts.mode === 'overwrite', target, counters);
  });
}
