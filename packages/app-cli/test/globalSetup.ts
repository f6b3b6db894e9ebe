import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The tests run the built CLI as a child process, so build it first: `tsc -b` builds it and what it
 * references. When a sibling package does not build at the moment, the CLI alone is compiled against
 * the siblings' existing `dist`, so its own tests still run.
 */
export default function setup(): void {
  try {
    execFileSync('npx', ['tsc', '-b', 'packages/app-cli/tsconfig.lib.json'], { cwd: root, stdio: 'pipe' });
  } catch {
    execFileSync('npx', ['tsc', '-p', 'packages/app-cli/tsconfig.lib.json'], { cwd: root, stdio: 'inherit' });
  }
}
