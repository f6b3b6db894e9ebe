import type { OrgId } from '../auth/Principal.js';

/** Objects by id within each organisation: the tenant boundary of every in-memory adapter. */
export class OrgScoped<T> {
  private readonly byOrg = new Map<OrgId, Map<string, T>>();

  of(org: OrgId): Map<string, T> {
    let objects = this.byOrg.get(org);
    if (objects === undefined) {
      objects = new Map();
      this.byOrg.set(org, objects);
    }

    return objects;
  }

  get(org: OrgId, id: string): T | undefined {
    return this.byOrg.get(org)?.get(id);
  }

  entries(): [OrgId, Map<string, T>][] {
    return [...this.byOrg.entries()];
  }
}
