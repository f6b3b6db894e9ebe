import type { Catalog } from '../catalog/Catalog.js';
import type { FaultOptions, FaultSettings } from '../faults/FaultOptions.js';
import type { FaultCounters, FaultInjector } from '../faults/FaultInjector.js';
import type { Membership } from '../membership/Membership.js';
import type { Population } from '../population/Population.js';
import { EmulatorError } from '../shared/EmulatorError.js';
import type { DeliverRequest, DeliveryResult } from '../exchange/DeliveryResult.js';
import type { EmulatorReceipt, InboundExchange } from '../exchange/InboundExchange.js';
import type { OutboundExchange } from '../exchange/OutboundExchange.js';
import type { Journal } from '../state/Journal.js';

/** A readable summary of the emulator's state, per organisation. */
export interface EmulatorSnapshot {
  readonly orgs: readonly {
    readonly orgId: string;
    readonly pid: number;
    readonly dataSources: readonly { dataSourceId: number; name: string }[];
    readonly destinations: readonly { destinationId: number; dataSourceId: number; name: string }[];
    readonly segments: readonly { sid: number; name: string; dataSourceId: number; members: number }[];
    readonly traits: readonly { sid: number; name: string; dataSourceId: number; members: number }[];
  }[];
  readonly faults: FaultSettings;
  readonly faultCounters: FaultCounters;
}

/** The parts the admin API drives. */
export interface AdminContext {
  readonly catalog: Catalog;
  readonly membership: Membership;
  readonly outbound: OutboundExchange;
  readonly inbound: InboundExchange;
  readonly faults: FaultInjector;
  readonly population: Population;
  readonly journal: Journal;
}

/**
 * What tests and demos drive the emulator with (also served under `/emulator/…`): deliveries,
 * ingestion, segment membership changes, faults and a state summary.
 */
export class EmulatorAdmin {
  constructor(private readonly context: AdminContext) {}

  get population(): Population {
    return this.context.population;
  }

  /** Writes an outbound delivery of every segment of the destination's data source. */
  deliver(destinationId: number, request: DeliverRequest = { mode: 'full' }): Promise<DeliveryResult> {
    return this.context.outbound.deliver(destinationId, request);
  }

  /** Processes pending inbound deliveries and returns their receipts. */
  ingest(): Promise<EmulatorReceipt[]> {
    return this.context.inbound.ingest();
  }

  /** Adds user IDs (in the data source's own form) to a segment or trait; returns how many were new. */
  addMembers(sid: number, userIds: readonly string[]): number {
    const added = this.context.membership.add(this.existing(sid), userIds);
    this.context.journal.record({ op: 'membership', action: 'add', sid, userIds });
    return added;
  }

  /** Removes user IDs from a segment or trait; returns how many were members. */
  removeMembers(sid: number, userIds: readonly string[]): number {
    const removed = this.context.membership.remove(this.existing(sid), userIds);
    this.context.journal.record({ op: 'membership', action: 'remove', sid, userIds });
    return removed;
  }

  /** Replaces a segment's or trait's members. */
  setSegment(sid: number, userIds: readonly string[]): void {
    this.context.membership.set(this.existing(sid), userIds);
    this.context.journal.record({ op: 'membership', action: 'set', sid, userIds });
  }

  members(sid: number): string[] {
    return this.context.membership.membersOf(this.existing(sid));
  }

  get faults(): FaultSettings {
    return this.context.faults.settings;
  }

  /** Changes some fault settings at runtime. */
  setFaults(options: FaultOptions): FaultSettings {
    return this.context.faults.update(options);
  }

  snapshot(): EmulatorSnapshot {
    const count = (sid: number): number => this.context.membership.size(sid);
    const orgs = this.context.catalog.allOrgs().map((org) => ({
      orgId: org.orgId,
      pid: org.pid,
      dataSources: [...org.dataSources.values()].map(({ dataSourceId, name }) => ({ dataSourceId, name })),
      destinations: [...org.destinations.values()].map(({ destinationId, dataSourceId, name }) => ({
        destinationId,
        dataSourceId,
        name,
      })),
      segments: [...org.segments.values()].map(({ sid, name, dataSourceId }) => ({
        sid,
        name,
        dataSourceId,
        members: count(sid),
      })),
      traits: [...org.traits.values()].map(({ sid, name, dataSourceId }) => ({
        sid,
        name,
        dataSourceId,
        members: count(sid),
      })),
    }));

    return { orgs, faults: this.context.faults.settings, faultCounters: { ...this.context.faults.counters } };
  }

  private existing(sid: number): number {
    if (this.context.catalog.findItem(sid) === null)
      throw EmulatorError.notFound(`no segment or trait has the SID ${sid}`);

    return sid;
  }
}
