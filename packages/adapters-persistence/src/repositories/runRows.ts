import type { Run, RunKind, RunReport, RunStatus } from '@audience-bridge/domain';

import { readDate, readNullableDate, readNullableJson } from '../sql/values.js';

export const RUN_COLUMNS = 'id, kind, subject_id, status, started_by, started_at, finished_at, report, error';

export interface RunSqlRow {
  id: string;
  kind: string;
  subject_id: string;
  status: string;
  started_by: string;
  started_at: unknown;
  finished_at: unknown;
  report: unknown;
  error: string | null;
}

/** A stored row as the domain's run. */
export function runOf(row: RunSqlRow): Run {
  return {
    id: row.id,
    kind: row.kind as RunKind,
    subjectId: row.subject_id,
    status: row.status as RunStatus,
    startedBy: row.started_by,
    startedAt: readDate(row.started_at),
    finishedAt: readNullableDate(row.finished_at),
    report: readNullableJson(row.report) as RunReport | null,
    error: row.error,
  };
}
