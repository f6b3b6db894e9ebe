import { AudienceEntity } from './AudienceEntity.js';
import { AudienceMemberEntity } from './AudienceMemberEntity.js';
import { DataSourceEntity } from './DataSourceEntity.js';
import { ExportLedgerEntity } from './ExportLedgerEntity.js';
import { PopulationMemberEntity } from './PopulationMemberEntity.js';
import { PopulationNodeEntity } from './PopulationNodeEntity.js';
import { ProfileEntity } from './ProfileEntity.js';
import { ProfileKeyEntity } from './ProfileKeyEntity.js';
import { RunEntity } from './RunEntity.js';
import { RunRecordEntity } from './RunRecordEntity.js';
import { WorkflowEntity } from './WorkflowEntity.js';

/** Every entity of the schema, registered with the ORM. */
export const allEntities = [
  ProfileEntity,
  ProfileKeyEntity,
  AudienceEntity,
  AudienceMemberEntity,
  RunEntity,
  RunRecordEntity,
  DataSourceEntity,
  WorkflowEntity,
  ExportLedgerEntity,
  PopulationNodeEntity,
  PopulationMemberEntity,
];
