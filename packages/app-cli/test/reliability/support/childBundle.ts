import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { build, type Plugin } from 'esbuild';

const entry = fileURLToPath(new URL('./crashChild.ts', import.meta.url));
const baseTsconfig = fileURLToPath(new URL('../../../../../tsconfig.base.json', import.meta.url));
// Inside node_modules so that the bundle's bare imports (inversify, MikroORM, ...) resolve from the workspace root.
const cacheDir = fileURLToPath(
  new URL('../../../../../node_modules/.cache/ab-reliability/', import.meta.url),
);

/** Keeps third-party packages as imports; the workspace's own packages are bundled from their sources. */
const thirdPartyExternal: Plugin = {
  name: 'third-party-external',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@audience-bridge/') ? undefined : { path: args.path, external: true },
    );
  },
};

let bundled: Promise<string> | undefined;

/**
 * The crash child compiled once per test process from the current sources: starting a bundle costs
 * about a quarter of the CPU of transpiling the whole workspace with tsx in every killed child.
 */
export function crashChildBundle(): Promise<string> {
  bundled ??= (async () => {
    const outfile = `${cacheDir}crash-child-${process.pid}.mjs`;
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      conditions: ['@audience-bridge/source'],
      tsconfig: baseTsconfig,
      logLevel: 'warning',
      plugins: [thirdPartyExternal],
    });
    return outfile;
  })();
  return bundled;
}

/** Removes this process's bundle, once its file's children are done. */
export async function removeCrashChildBundle(): Promise<void> {
  if (bundled === undefined) return;
  const path = await bundled;
  bundled = undefined;
  await rm(path, { force: true });
}
