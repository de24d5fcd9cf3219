// The test files under the given paths: files as named, folders searched for *.test.yaml.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const TEST_FILE = /\.test\.ya?ml$/;

export interface Found {
  files: string[];
  /** paths that do not exist */
  missing: string[];
}

export async function findTestFiles(paths: string[]): Promise<Found> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const abs = resolve(path);
    const st = await stat(abs).catch(() => undefined);
    if (!st) missing.push(path);
    else if (st.isDirectory()) files.push(...(await walk(abs)));
    else files.push(abs);
  }
  return { files: [...new Set(files)], missing };
}

/** The files under `dir` (sorted, recursively, skipping hidden folders and node_modules) whose names `accept`. */
export async function walk(dir: string, accept: (name: string) => boolean = (name) => TEST_FILE.test(name)): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await walk(path, accept)));
    else if (e.isFile() && accept(e.name)) found.push(path);
  }
  return found;
}
