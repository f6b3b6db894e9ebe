import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { restHeaders, startTestEmulator, type TestEmulator } from '../../test/startTestEmulator.js';

describe('emulated AAM REST', () => {
  let test: TestEmulator;
  let token: string;
  const get = async (path: string, bearer = token) => {
    const response = await fetch(`${test.emulator.url}${path}`, { headers: restHeaders(bearer) });

    return { status: response.status, body: await response.json() };
  };
  const post = async (body: unknown) => {
    const response = await fetch(`${test.emulator.url}/v1/segments`, {
      method: 'POST',
      headers: { ...restHeaders(token), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    test = await startTestEmulator({ seed: 4 });
    token = await test.emulator.mintToken();
  });
  afterAll(() => test.stop());

  it('should list as a bare array without paging and as a wrapper with it', async () => {
    const bare = await get('/v1/segments');
    const paged = await get('/v1/segments?page=1&pageSize=3');
    const onlySize = await get('/v1/traits?pageSize=2');

    expect(Array.isArray(bare.body)).toBe(true);
    expect(bare.body).toHaveLength(4);
    expect(paged.body).toMatchObject({ page: 1, pageSize: 3, total: 4 });
    expect((paged.body as { list: unknown[] }).list).toHaveLength(1);
    expect(onlySize.body).toMatchObject({ page: 0, pageSize: 2, total: 5 });
    expect((await get('/v1/segments?page=-1')).status).toBe(400);
  });

  it('should show segments, traits and data sources in AAM shapes', async () => {
    const sid = test.emulator.population.segments[1]!.sid;
    const segment = await get(`/v1/segments/${sid}`);
    const byCode = await get(`/v1/segments/ic:emulator-segment-${sid}`);
    const trait = await get('/v1/traits/10999');
    const source = await get('/v1/datasources/163402');

    expect(segment.body).toMatchObject({
      sid,
      dataSourceId: 163402,
      mergeRuleDataSourceId: 163402,
      status: 'ACTIVE',
      segmentRule: '10002T',
    });
    expect(Object.keys(segment.body as object)).toEqual(
      expect.arrayContaining([
        'name',
        'description',
        'folderId',
        'integrationCode',
        'pid',
        'createTime',
        'updateTime',
      ]),
    );
    expect(byCode.body).toEqual(segment.body);
    expect(trait.body).toMatchObject({ sid: 10999, traitType: 'RULE_BASED_TRAIT', ttl: 120 });
    expect(source.body).toMatchObject({ dataSourceId: 163402, idType: 'CROSS_DEVICE', status: 'ACTIVE' });
    expect((await get('/v1/segments/99999')).status).toBe(404);
  });

  it('should show another organisation nothing of this one', async () => {
    const foreign = await test.emulator.mintToken({ orgId: 'SOMEONE-ELSE@AdobeOrg' });

    const list = await get('/v1/segments', foreign);
    const one = await get(`/v1/segments/${test.emulator.population.segments[0]!.sid}`, foreign);

    expect(list.body).toEqual([]);
    expect(one.status).toBe(404);
  });

  it('should create a valid segment and list it', async () => {
    const created = await post({
      name: 'Exported from campaign',
      segmentRule: '10002T',
      folderId: 0,
      dataSourceId: 163402,
      mergeRuleDataSourceId: 163402,
      integrationCode: 'ab-1',
    });

    const listed = (await get('/v1/segments')).body as { sid: number }[];

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Exported from campaign',
      integrationCode: 'ab-1',
      status: 'ACTIVE',
      dataSourceId: 163402,
    });
    expect(listed.map((segment) => segment.sid)).toContain(created.body['sid']);
  });

  it('should refuse an invalid segment with every problem, an unknown data source and a duplicate code', async () => {
    const invalid = await post({ name: '', folderId: -1, dataSourceId: 'x' });
    const unknownSource = await post({
      name: 'n',
      segmentRule: '1T',
      folderId: 0,
      dataSourceId: 5,
      mergeRuleDataSourceId: 5,
    });
    const duplicate = await post({
      name: 'n',
      segmentRule: '1T',
      folderId: 0,
      dataSourceId: 163402,
      mergeRuleDataSourceId: 163402,
      integrationCode: 'ab-1',
    });

    expect(invalid.status).toBe(400);
    expect((invalid.body['issues'] as unknown[]).length).toBeGreaterThanOrEqual(4);
    expect(unknownSource.status).toBe(400);
    expect(duplicate.status).toBe(409);
  });
});
