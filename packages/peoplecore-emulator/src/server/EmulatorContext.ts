import { EmulatorAdmin } from '../admin/EmulatorAdmin.js';
import { Catalog } from '../catalog/Catalog.js';
import { loadPopulation } from '../catalog/loadPopulation.js';
import { ExchangeDirectory } from '../exchange/ExchangeDirectory.js';
import { InboundExchange } from '../exchange/InboundExchange.js';
import { OutboundExchange } from '../exchange/OutboundExchange.js';
import { FaultInjector } from '../faults/FaultInjector.js';
import { Membership } from '../membership/Membership.js';
import type { EmulatorSettings } from '../options/EmulatorOptions.js';
import { generatePopulation } from '../population/generatePopulation.js';
import { SeededRandom } from '../random/SeededRandom.js';
import { Journal } from '../state/Journal.js';

/** Everything one running emulator holds, wired from its settings. */
export interface EmulatorContext {
  readonly settings: EmulatorSettings;
  readonly catalog: Catalog;
  readonly faults: FaultInjector;
  readonly admin: EmulatorAdmin;
  readonly journal: Journal;
  readonly inbound: InboundExchange;
  readonly membership: Membership;
  readonly now: () => number;
}

function populationOf(settings: EmulatorSettings) {
  const { population } = settings;

  return generatePopulation({
    seed: settings.seed,
    orgId: population.orgId ?? settings.clients[0]?.orgId,
    ...(population.size === undefined ? {} : { size: population.size }),
    ...(population.campaignShare === undefined ? {} : { campaignShare: population.campaignShare }),
    ...(population.aesKey === undefined ? {} : { aesKey: population.aesKey }),
    ...(population.aesIv === undefined ? {} : { aesIv: population.aesIv }),
    ...(population.segments === undefined ? {} : { segments: population.segments }),
  });
}

/** Builds the catalog, membership, exchange and faults of an emulator, with its population loaded. */
export function createEmulatorContext(
  settings: EmulatorSettings,
  now: () => number = Date.now,
): EmulatorContext {
  const catalog = new Catalog();
  const membership = new Membership();
  const population = populationOf(settings);
  loadPopulation(population, catalog, membership, now());
  const directory = new ExchangeDirectory(settings.exchangeDir);
  const faults = new FaultInjector(settings.seed, settings.faults);
  const outbound = new OutboundExchange({
    directory,
    catalog,
    membership,
    faults,
    random: SeededRandom.forLabel(settings.seed, 'file-faults'),
    now,
    defaults: settings.exchange,
  });
  const journal = Journal.at(settings.journalFile);
  const inbound = new InboundExchange({ directory, catalog, membership, now, journal });
  const admin = new EmulatorAdmin({ catalog, membership, outbound, inbound, faults, population, journal });

  return { settings, catalog, faults, admin, journal, inbound, membership, now };
}
