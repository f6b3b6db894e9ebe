import type { CreateSegmentBody } from '../rest/createSegmentBody.js';
import type { AamSegment } from './AamObjects.js';
import type { Catalog } from './Catalog.js';

/** The created segment, or why AAM would refuse it (with the HTTP status it would use). */
export type CreateSegmentResult =
  | { readonly ok: true; readonly segment: AamSegment }
  | { readonly ok: false; readonly status: 400 | 409; readonly message: string };

function refusal(catalog: Catalog, orgId: string, body: CreateSegmentBody): CreateSegmentResult | null {
  const org = catalog.org(orgId);
  for (const id of [body.dataSourceId, body.mergeRuleDataSourceId]) {
    if (!org.dataSources.has(id))
      return { ok: false, status: 400, message: `data source ${id} does not exist` };
  }
  const code = body.integrationCode;
  const taken = [...org.segments.values()].some(
    (segment) => code !== undefined && segment.integrationCode === code,
  );

  return taken
    ? { ok: false, status: 409, message: `a segment already has the integration code ${code}` }
    : null;
}

/** Creates a segment in an organisation, stamped with `time` (Unix ms). */
export function createSegment(
  catalog: Catalog,
  orgId: string,
  body: CreateSegmentBody,
  time: number,
): CreateSegmentResult {
  const refused = refusal(catalog, orgId, body);
  if (refused !== null) return refused;

  const segment: AamSegment = {
    sid: catalog.nextSid(),
    name: body.name,
    description: body.description ?? '',
    segmentRule: body.segmentRule,
    folderId: body.folderId,
    integrationCode: body.integrationCode ?? null,
    status: body.status ?? 'ACTIVE',
    dataSourceId: body.dataSourceId,
    mergeRuleDataSourceId: body.mergeRuleDataSourceId,
    pid: catalog.org(orgId).pid,
    createTime: time,
    updateTime: time,
  };
  catalog.addSegment(orgId, segment);

  return { ok: true, segment };
}
