import type { MemberReplacement, OrgId } from '@audience-bridge/domain';

import type { SqlGateway } from '../sql/SqlGateway.js';
import { collectGenerations, switchGeneration } from './audienceGenerations.js';

/** A member generation being written; invisible until `commit` switches the audience to it in one transaction. */
export class SqlMemberReplacement implements MemberReplacement {
  private state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(
    private readonly db: SqlGateway,
    private readonly org: OrgId,
    private readonly audienceId: string,
    private readonly generation: number,
  ) {}

  async add(members: readonly string[]): Promise<void> {
    this.assertOpen();
    const rows = members.map((member) => [this.org, this.audienceId, this.generation, member]);
    await this.db.transaction((sql) =>
      sql.insertRows(
        'audience_members',
        ['org', 'audience_id', 'generation', 'member'],
        rows,
        'on conflict do nothing',
      ),
    );
  }

  async commit(): Promise<{ readonly version: number; readonly count: number }> {
    this.assertOpen();
    this.state = 'committed';
    const done = await this.db.transaction((sql) =>
      switchGeneration(sql, this.org, this.audienceId, this.generation),
    );
    await this.db.work((sql) =>
      collectGenerations(sql, this.org, this.audienceId, { ...done, generation: this.generation }),
    );

    return { version: done.version, count: done.count };
  }

  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'aborted';
    await this.db.work((sql) =>
      sql.run('delete from audience_members where org = ? and audience_id = ? and generation = ?', [
        this.org,
        this.audienceId,
        this.generation,
      ]),
    );
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`member replacement already ${this.state}`);
  }
}
