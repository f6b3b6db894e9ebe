// One vitest configuration for every package: decorators through Oxc, workspace packages read
// from source, and a fast-check seed that can be replayed.
import { fileURLToPath } from 'node:url';

const setupFile = fileURLToPath(new URL('./fast-check-seed.mjs', import.meta.url));

export const sharedVitestConfig = {
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  ssr: { resolve: { conditions: ['@audience-bridge/source'] } },
  resolve: { conditions: ['@audience-bridge/source'] },
  test: {
    passWithNoTests: true,
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: [setupFile],
  },
};
