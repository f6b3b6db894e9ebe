import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tools/vitest/shared.mjs';

// The reliability suites record their figures; this setup hands them a file and prints the summary at the end.
export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { globalSetup: ['test/reliability/support/globalSetup.ts'] } }),
);
