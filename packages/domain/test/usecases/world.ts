import {
  createInMemoryPorts,
  encryptAesCbc,
  noOptOut,
  type InMemoryPorts,
  type Principal,
  type Profile,
  type SharedDataSource,
  type WorkflowDocument,
} from '../../src/index.js';

// One in-memory world for the use case tests: a principal per role, data sources of each kind,
// and a catalog holding a segment and a trait.
export const ims: Principal = { orgId: 'org-a', subject: 'alice', authMethod: 'ims' };
export const local: Principal = { orgId: 'org-a', subject: 'cli-key', authMethod: 'local' };
export const stranger: Principal = { orgId: 'org-b', subject: 'mallory', authMethod: 'ims' };

export const aes = {
  algorithm: 'aes-128-cbc',
  key: '00112233445566778899aabbccddeeff',
  iv: '0f0e0d0c0b0a09080706050403020100',
} as const;

export const emailSource: SharedDataSource = {
  id: 'ds-email',
  label: 'Encrypted emails',
  dataSourceId: 5001,
  destinationId: null,
  reconciliationKey: 'email',
  channel: 'email',
  encryption: aes,
};

export const crmSource: SharedDataSource = {
  id: 'ds-crm',
  label: 'CRM',
  dataSourceId: 5002,
  destinationId: null,
  reconciliationKey: 'custom:crm',
  channel: 'other',
  encryption: { algorithm: 'none' },
};

export const person = (key: string, parts: Partial<Omit<Profile, 'key'>> = {}): Profile => ({
  key,
  email: null,
  mobilePhone: null,
  visitorId: null,
  customKeys: {},
  attributes: {},
  optOut: noOptOut,
  ...parts,
});

/** Adults (age ≥ 18) exported to a new segment of the CRM source, the exported ones kept as a list. */
export const adultsToCrm: WorkflowDocument = {
  name: 'Adults to CRM',
  activities: [
    { id: 'adults', type: 'query', filter: { field: 'attributes.age', op: 'gte', value: 18 } },
    {
      id: 'share',
      type: 'saveAudience',
      input: 'adults',
      share: {
        target: { createSegment: { name: 'Adults' } },
        dataSourceId: 'ds-crm',
        outboundTransition: true,
      },
    },
    {
      id: 'keep',
      type: 'saveAudience',
      input: 'share',
      audience: { label: 'Exported adults', mode: 'replace' },
    },
  ],
};

export const encrypted = (value: string): string => encryptAesCbc(value, aes);

export async function world(): Promise<InMemoryPorts> {
  const ports = createInMemoryPorts();
  await ports.dataSources.add('org-a', emailSource);
  await ports.dataSources.add('org-a', crmSource);
  ports.catalog.put({ id: '100', name: 'Buyers', kind: 'segment', dataSourceId: 5001, description: '' });
  ports.catalog.put({ id: '200', name: 'Visited', kind: 'trait', dataSourceId: 5001, description: '' });
  await ports.profiles.upsertMany('org-a', [
    person('p1', { email: 'ann@x.io', customKeys: { crm: 'C-1' }, attributes: { age: 30 } }),
    person('p2', { email: 'bob@x.io', customKeys: { crm: 'C-2' }, attributes: { age: 17 } }),
    person('p3', { email: 'bob@x.io', attributes: { age: 40 } }),
    person('p4', { attributes: { age: 50 } }),
  ]);

  return ports;
}
