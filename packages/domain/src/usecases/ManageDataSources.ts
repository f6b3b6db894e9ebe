import { authorize } from '../auth/authorize.js';
import type { Principal } from '../auth/Principal.js';
import { encryptionProblem } from '../crypto/encryptionProblem.js';
import {
  isAes,
  summariseDataSource,
  type SharedDataSource,
  type SharedDataSourceSummary,
} from '../datasources/SharedDataSource.js';
import type { DataSourceRepository } from '../ports/DataSourceRepository.js';
import { DomainError } from '../shared/DomainError.js';
import { err, ok, type Result } from '../shared/Result.js';

/**
 * Registers and shows shared data sources; a source that could never work (a bad key, a DPID
 * that is not one, a key that does not fit the channel) is refused when it is added, not at import.
 */
export class ManageDataSources {
  constructor(private readonly ports: { readonly dataSources: DataSourceRepository }) {}

  async add(principal: Principal, source: SharedDataSource): Promise<Result<SharedDataSourceSummary>> {
    const allowed = authorize(principal, 'write');
    if (!allowed.ok) return allowed;

    const problems = dataSourceProblems(source);
    const encryption = encryptionProblem(source.encryption);
    if (encryption !== null) {
      return err(
        new DomainError('DATASOURCE.INVALID_ENCRYPTION', `Data source ${source.id}: ${encryption}`, {
          problem: encryption,
        }),
      );
    }
    if (problems.length > 0)
      return err(
        DomainError.invalid(`Data source ${source.id} is not valid: ${problems.join('; ')}`, problems),
      );
    if ((await this.ports.dataSources.get(principal.orgId, source.id)) !== null) {
      return err(
        new DomainError('CONFLICT', `Data source ${source.id} already exists: pick another id`, {
          id: source.id,
        }),
      );
    }

    await this.ports.dataSources.add(principal.orgId, source);

    return ok(summariseDataSource(source));
  }

  async list(principal: Principal): Promise<Result<SharedDataSourceSummary[]>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    return ok(await this.ports.dataSources.list(principal.orgId));
  }

  /** One data source, without its key or IV. */
  async show(principal: Principal, id: string): Promise<Result<SharedDataSourceSummary>> {
    const allowed = authorize(principal, 'read');
    if (!allowed.ok) return allowed;

    const source = await this.ports.dataSources.get(principal.orgId, id);

    return source === null ? err(DomainError.notFound('data source', id)) : ok(summariseDataSource(source));
  }
}

/** Every reason a data source cannot work, apart from its encryption key and IV. */
export function dataSourceProblems(source: SharedDataSource): string[] {
  const problems: string[] = [];
  if (source.id.trim() === '') problems.push('the id is empty');
  if (source.label.trim() === '') problems.push('the label is empty');
  if (!Number.isSafeInteger(source.dataSourceId) || source.dataSourceId <= 0) {
    problems.push('the DPID (dataSourceId) is a positive integer');
  }
  if (
    source.destinationId !== null &&
    (!Number.isSafeInteger(source.destinationId) || source.destinationId <= 0)
  ) {
    problems.push('the destination id is a positive integer or null');
  }
  const encrypted = isAes(source.encryption);
  if (encrypted && source.channel === 'email' && source.reconciliationKey !== 'email') {
    problems.push('an encrypted email source declares email addresses: its reconciliation key is email');
  }
  if (encrypted && source.channel === 'sms' && source.reconciliationKey !== 'mobilePhone') {
    problems.push('an encrypted SMS source declares phone numbers: its reconciliation key is mobilePhone');
  }

  return problems;
}
