// `file:line:column: error CODE message`, with the severity coloured on a terminal, and under each
// diagnostic that has a position the code frame of its span. At most MAX_PRINTED per file are
// printed, then one line says how many more there were.
import { statSync, readFileSync } from 'node:fs';
import { countProblems, formatDiagnostic, isMoreProblems, moreProblems, type Diagnostic } from '../engine/diagnostics/index.ts';
import { codeFrame, sourceLines } from './code-frame.ts';
import { escapeStrings } from './text/escape-controls.ts';
import { MAX_SOURCE_BYTES } from './read-source-file.ts';
import { styleFor, type Style } from './text/style.ts';

export const MAX_PRINTED = 50;

export interface PrintOptions {
  /** the text of a file named in a diagnostic, for its frame; by default the file is read again */
  sourceOf?: (file: string) => string | undefined;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream, indent = '', options: PrintOptions = {}): void {
  for (const line of diagnosticLines(diagnostics, styleFor(stream), options)) stream.write(line ? `${indent}${line}\n` : '\n');
}

/** The lines printDiagnostics writes: each diagnostic, its frame and a blank line after it. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], style: Style, options: PrintOptions = {}): string[] {
  const lines = linesOf(options.sourceOf ?? readForFrame);
  const out: string[] = [];
  const printed = new Map<string, number>();
  const held = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = d.file ?? '';
    const n = printed.get(file) ?? 0;
    if (n >= MAX_PRINTED || isMoreProblems(d)) {
      if (!held.has(file)) held.set(file, []);
      held.get(file)!.push(d);
      continue;
    }
    printed.set(file, n + 1);
    out.push(head(escapeStrings(d), style)); // messages quote the user's input
    const source = d.file !== undefined && d.line ? lines(d.file) : undefined;
    const frame = source ? codeFrame(source, d, style) : [];
    if (frame.length) out.push(...frame, '');
  }
  for (const [file, rest] of held) {
    const severity = rest.some((d) => d.severity === 'error') ? 'error' : 'warning';
    out.push(head(moreProblems(countProblems(rest), severity, file || undefined), style));
  }
  return out;
}

/** The diagnostic's one line, its severity and code coloured on a terminal. */
function head(d: Diagnostic, style: Style): string {
  const label = `${d.severity} ${d.code}`;
  return formatDiagnostic(d).replace(label, (d.severity === 'error' ? style.red : style.yellow)(label));
}

/** Each file split into lines once per printing. */
function linesOf(sourceOf: (file: string) => string | undefined): (file: string) => string[] | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      const text = sourceOf(file);
      cache.set(file, text === undefined ? undefined : sourceLines(text));
    }
    return cache.get(file);
  };
}

/** The file a diagnostic names, read again for its frame: a regular file within the size limit. */
function readForFrame(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= MAX_SOURCE_BYTES ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
