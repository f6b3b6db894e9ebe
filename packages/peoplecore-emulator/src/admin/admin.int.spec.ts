import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestEmulator, type TestEmulator } from '../../test/startTestEmulator.js';

describe('admin endpoints', () => {
  let test: TestEmulator;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${test.emulator.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });

    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    test = await startTestEmulator({
      seed: 3,
      population: { size: 60, segments: [{ name: 'S', source: 'crmId', size: 10 }] },
    });
  });
  afterAll(() => test.stop());

  it('should summarise the population with the data sources the campaign side needs', async () => {
    const { body } = await call('GET', '/emulator/population');

    expect(body).toMatchObject({ seed: 3, people: 60, campaignSize: 48 });
    expect(body['segments']).toMatchObject([
      { sid: 20001, members: 10, inCampaign: 9, outsiders: 1, malformed: 0 },
    ]);
    expect(body['dataSources']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ encryption: expect.objectContaining({ algorithm: 'aes-256-cbc' }) }),
      ]),
    );
  });

  it('should change membership, deliver and show the state', async () => {
    const added = await call('POST', '/emulator/segments/20001/members', {
      add: ['CRM-X', 'CRM-Y'],
      remove: ['CRM-Y'],
    });
    const replaced = await call('PUT', '/emulator/segments/20001/members', { userIds: ['A1', 'A2', 'A3'] });
    const members = await call('GET', '/emulator/segments/20001/members');
    const delivery = await call('POST', '/emulator/deliveries', { destinationId: 5104, mode: 'full' });
    const state = await call('GET', '/emulator/state');

    expect(added.body).toMatchObject({ added: 2, removed: 1, members: 11 });
    expect(replaced.body).toMatchObject({ members: 3 });
    expect(members.body['members']).toEqual(['A1', 'A2', 'A3']);
    expect(delivery.body).toMatchObject({ destinationId: 5104, lineCount: 3, faults: [] });
    expect(JSON.stringify(state.body)).toContain('"members":3');
  });

  it('should answer 404 for an unknown SID or destination and 400 for a bad body', async () => {
    expect((await call('GET', '/emulator/segments/1/members')).status).toBe(404);
    expect((await call('POST', '/emulator/deliveries', { destinationId: 1 })).status).toBe(404);
    expect(
      (await call('POST', '/emulator/deliveries', { destinationId: 5104, mode: 'sometimes' })).status,
    ).toBe(400);
  });

  it('should mint tokens the REST API accepts or refuses as asked', async () => {
    const good = (await call('POST', '/emulator/tokens', {})).body['access_token'] as string;
    const expired = (await call('POST', '/emulator/tokens', { lifetimeSeconds: -1 })).body[
      'access_token'
    ] as string;
    const status = async (token: string) =>
      (
        await fetch(`${test.emulator.url}/v1/datasources`, {
          headers: { authorization: `Bearer ${token}`, 'x-api-key': 'audience-bridge' },
        })
      ).status;

    expect(await status(good)).toBe(200);
    expect(await status(expired)).toBe(401);
  });
});
