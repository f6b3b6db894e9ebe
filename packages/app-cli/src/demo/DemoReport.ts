import type { Run } from '@audience-bridge/domain';

/** One check of a reported count against what the emulator's population makes certain. */
export interface DemoCheck {
  readonly what: string;
  readonly expected: number;
  readonly actual: number;
}

/** One import the demo made: the segment, the audience it became, and its first run. */
export interface DemoImport {
  readonly segment: { readonly sid: string; readonly name: string };
  readonly dataSourceId: string;
  readonly audienceId: string;
  readonly audienceType: string;
  readonly run: Run & { readonly matchRate: number | null };
}

/** Everything the demo did, as `demo --json` prints it. */
export interface DemoReport {
  readonly dataDir: string;
  readonly orgId: string;
  readonly subject: string;
  readonly dataSources: readonly string[];
  readonly profiles: {
    readonly read: number;
    readonly inserted: number;
    readonly updated: number;
    readonly rejected: number;
    readonly durationMs: number;
  };
  readonly imports: readonly DemoImport[];
  readonly export: { readonly workflowId: string; readonly run: Run & { readonly matchRate: number | null } };
  readonly resync: {
    readonly added: number;
    readonly removed: number;
    readonly run: Run & { readonly matchRate: number | null };
  };
  readonly checks: readonly DemoCheck[];
  readonly durationMs: number;
  readonly nextCommands: readonly string[];
}
