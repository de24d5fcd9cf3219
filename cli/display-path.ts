// File names as diagnostics show them: relative to the working directory when that is shorter.
import { isAbsolute, relative, resolve } from 'node:path';

export function displayPath(path: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel === '' ? '.' : isAbsolute(rel) || rel.length >= abs.length ? abs : rel;
}
