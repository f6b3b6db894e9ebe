import type { OrgId } from '../auth/Principal.js';
import {
  summariseDataSource,
  type SharedDataSource,
  type SharedDataSourceSummary,
} from '../datasources/SharedDataSource.js';
import type { DataSourceRepository } from '../ports/DataSourceRepository.js';
import { DomainError } from '../shared/DomainError.js';
import { OrgScoped } from './OrgScoped.js';
import { byCodeUnit, promised } from './paging.js';

/** The reference data-source store; `list` goes through the summary so a key or IV cannot leak. */
export class InMemoryDataSourceRepository implements DataSourceRepository {
  private readonly sources = new OrgScoped<SharedDataSource>();

  add(org: OrgId, source: SharedDataSource): Promise<void> {
    return promised(() => {
      const stored = this.sources.of(org);
      if (stored.has(source.id)) throw new DomainError('CONFLICT', `data source ${source.id} already exists`);
      stored.set(source.id, source);

      return undefined;
    });
  }

  get(org: OrgId, id: string): Promise<SharedDataSource | null> {
    return Promise.resolve(this.sources.get(org, id) ?? null);
  }

  list(org: OrgId): Promise<SharedDataSourceSummary[]> {
    const all = [...this.sources.of(org).values()].sort((a, b) => byCodeUnit(a.id, b.id));

    return Promise.resolve(all.map(summariseDataSource));
  }
}
