/** Lines of a verified delivery that could not be parsed: skipped, counted, and sampled with their reason. */
export interface SnapshotProblems {
  malformedLines: number;
  readonly samples: string[];
}

const MAX_SAMPLES = 20;

/** Records one malformed line, keeping the first few reasons with the file they came from. */
export function recordProblem(problems: SnapshotProblems, fileName: string, reason: string): void {
  problems.malformedLines += 1;
  if (problems.samples.length < MAX_SAMPLES) problems.samples.push(`${fileName} ${reason}`);
}
