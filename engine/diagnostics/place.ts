// Puts a diagnostic found by JSON pointer at its place in the source: the span of the value, or of
// the key for problems that lie in a key (an unknown or forbidden property).
import { isKeyProblem } from './codes.ts';
import type { Diagnostic } from './diagnostic.ts';

/** A front end's source map (the Locator of policy-types.ts, restated so this module depends on nothing above it). */
type Locate = (pointer: string, part?: 'key' | 'value') => (Pick<Diagnostic, 'endLine' | 'endColumn'> & { line: number; column: number }) | undefined;

export interface Place {
  file?: string;
  locate?: Locate;
}

export function placeDiagnostic(d: Diagnostic, { file, locate }: Place): Diagnostic {
  const at = d.line === undefined && d.path !== undefined ? locate?.(d.path, isKeyProblem(d.code) ? 'key' : 'value') : undefined;
  return { ...d, ...(file !== undefined ? { file } : {}), ...(at ?? {}) };
}

export const placeDiagnostics = (ds: readonly Diagnostic[], place: Place): Diagnostic[] => ds.map((d) => placeDiagnostic(d, place));
