import { EntitySchema } from '@mikro-orm/core';

/** An ID staged under an upload for a shared audience, and whether the service accepted that upload. */
export interface ExportLedgerRow {
  org: string;
  sharedAudienceId: string;
  value: string;
  uploadId: string;
  accepted: boolean;
}

/** Maps `export_ledger`. */
export const ExportLedgerEntity = new EntitySchema<ExportLedgerRow>({
  name: 'ExportLedgerRow',
  tableName: 'export_ledger',
  indexes: [{ name: 'export_ledger_upload', properties: ['org', 'uploadId'] }],
  properties: {
    org: { type: 'string', columnType: 'text', primary: true },
    sharedAudienceId: { type: 'string', columnType: 'text', primary: true, fieldName: 'shared_audience_id' },
    value: { type: 'string', columnType: 'text', primary: true },
    uploadId: { type: 'string', columnType: 'text', primary: true, fieldName: 'upload_id' },
    accepted: { type: 'boolean' },
  },
});
