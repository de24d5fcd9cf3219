// The installed package's folder, found from this module's own place: cli/ in the sources,
// dist/cli/ once built. package.json and the bundled policies/ are read from there.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = dirname(fileURLToPath(from)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies'))) return dir;
    if (dirname(dir) === dir) throw new Error('the sla-policy-engine package folder was not found');
  }
}

export const PACKAGE_ROOT = findRoot(import.meta.url);
