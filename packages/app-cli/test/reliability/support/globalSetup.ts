import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { reliabilitySize } from './size.js';
import { formatSummary, parseFigures } from './summary.js';

declare module 'vitest' {
  export interface ProvidedContext {
    reliabilityFigures: string;
  }
}

/** Gives every suite one figures file, and prints the summary table from it once all files ran. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ab-reliability-'));
  const file = join(dir, 'figures.jsonl');
  project.provide('reliabilityFigures', file);

  return () => {
    if (existsSync(file)) {
      const summary = formatSummary(parseFigures(readFileSync(file, 'utf8')), reliabilitySize());
      process.stdout.write(`\n${summary}\n\n`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
