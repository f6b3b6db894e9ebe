import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedVitestConfig } from '../../tools/vitest/shared.mjs';

export default mergeConfig(
  sharedVitestConfig,
  defineConfig({ test: { globalSetup: ['test/globalSetup.ts'], fileParallelism: false } }),
);
