import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { SharedDataSource } from '@audience-bridge/domain';

import { createPeopleCore, type PeopleCore } from '../../src/createPeopleCore.js';
import type { ResilienceInput } from '../../src/http/ResilienceSettings.js';

/** The part of the emulator's API these tests drive (it is typed here, not imported: see below). */
export interface EmulatorHandle {
  readonly url: string;
  readonly population: {
    readonly dataSources: readonly {
      kind: string;
      dataSourceId: number;
      destinationId: number;
      shared: SharedDataSource;
    }[];
    readonly segments: readonly { sid: number; source: { kind: string } }[];
  };
  readonly admin: {
    deliver(
      destinationId: number,
      request: { mode: 'full' | 'iter'; gzip?: boolean; maxLinesPerFile?: number; faults?: string[] },
    ): Promise<{ fileKeys: readonly string[]; faults: readonly string[]; deliveryName: string }>;
    ingest(): Promise<unknown[]>;
    members(sid: number): string[];
    addMembers(sid: number, userIds: readonly string[]): number;
    removeMembers(sid: number, userIds: readonly string[]): number;
    setFaults(options: Record<string, number>): unknown;
    snapshot(): { faultCounters: { calls: number; errors: number; throttled: number } };
  };
  close(): Promise<void>;
}

// The emulator depends on this package's formats; a static import back would make the two packages a
// cycle and break the hexagon rule (adapters import the domain only). The tests load it at run time.
const emulatorPackage = '@audience-bridge/peoplecore-emulator';

/** A running emulator with its own exchange directory, and the adapters configured against it. */
export interface EmulatorRig {
  readonly emulator: EmulatorHandle;
  readonly peopleCore: PeopleCore;
  readonly exchange: string;
  stop(): Promise<void>;
}

/** Starts the emulator on loopback (random port) and builds the adapters over real HTTP and real files. */
export async function startEmulatorRig(
  options: { seed?: number; size?: number; resilience?: ResilienceInput } = {},
): Promise<EmulatorRig> {
  const exchange = await mkdtemp(join(tmpdir(), 'ab-emulator-'));
  const module = (await import(emulatorPackage)) as {
    startEmulator: (options: object) => Promise<EmulatorHandle>;
  };
  const emulator = await module.startEmulator({
    exchangeDir: exchange,
    port: 0,
    seed: options.seed ?? 3,
    population: { size: options.size ?? 400 },
  });
  const peopleCore = createPeopleCore({
    restUrl: emulator.url,
    imsUrl: emulator.url,
    clientId: 'audience-bridge',
    clientSecret: 'emulator-secret',
    exchange,
    pageSize: 2,
    resilience: { initialBackoffMs: 10, maxBackoffMs: 100, retries: 8, ...options.resilience },
  });
  return {
    emulator,
    peopleCore,
    exchange,
    stop: async () => {
      await emulator.close();
      await rm(exchange, { recursive: true, force: true });
    },
  };
}
