import { percent, renderRun, seconds } from '../output/report.js';
import { renderTable } from '../output/table.js';
import type { DemoReport } from './DemoReport.js';

/** The demo's report as people read it: each step's run, the checks, the time, and what to try next. */
export function renderDemoReport(report: DemoReport): string {
  const p = report.profiles;
  const sections = [
    `Audience Bridge demo — organisation ${report.orgId}, data in ${report.dataDir}`,
    `data sources: ${report.dataSources.join(', ')}`,
    `profiles: ${p.read} read, ${p.inserted} inserted, ${p.updated} updated, ${p.rejected} rejected in ${seconds(p.durationMs)}`,
    ...report.imports.map(
      (entry) =>
        `\n== import "${entry.segment.name}" (segment ${entry.segment.sid}, ${entry.dataSourceId}) → ${entry.audienceType} audience ${entry.audienceId}\n${renderRun(entry.run)}`,
    ),
    `\n== export workflow ${report.export.workflowId}\n${renderRun(report.export.run)}`,
    `\n== segment changed in People core (+${report.resync.added} −${report.resync.removed}), re-synced\n${renderRun(report.resync.run)}`,
    `\n== checks against the emulator's known population\n${renderTable(report.checks, [
      { heading: 'OK', cell: (row) => (row.expected === row.actual ? 'yes' : 'NO') },
      { heading: 'EXPECTED', cell: (row) => row.expected, align: 'right' },
      { heading: 'ACTUAL', cell: (row) => row.actual, align: 'right' },
      { heading: 'WHAT', cell: (row) => row.what },
    ])}`,
    `\nmatch rate of the reconciliation import: ${percent(report.imports[0]?.run.matchRate ?? null)}`,
    `demo finished in ${seconds(report.durationMs)}`,
    `\nexplore what it left (a login is cached, so imports and exports work too):\n${report.nextCommands.map((line) => `  $ ${line}`).join('\n')}`,
  ];

  return sections.join('\n');
}
