// Diagnostics rendered as code frames, for error snapshots: the span is underlined on its first line.
import type { Diagnostic } from '../../engine/diagnostics/index.ts';
import { formatDiagnostic } from '../../engine/diagnostics/index.ts';

export function codeFrame(source: string, d: Diagnostic): string {
  const head = formatDiagnostic(d);
  if (!d.line) return head;
  const lines = source.split('\n');
  const out = [head];
  const width = String(Math.min(lines.length, d.line + 1)).length;
  for (let n = Math.max(1, d.line - 1); n <= Math.min(lines.length, d.line + 1); n++) {
    out.push(`${n === d.line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === d.line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, (d.column ?? 1) - 1))}${'^'.repeat(underlined(d, lines[n - 1]))}`);
  }
  return out.join('\n');
}

/** how many characters of its first line the span covers: to its end, or to the end of the line */
function underlined(d: Diagnostic, line: string): number {
  const column = d.column ?? 1;
  const end = d.endLine === d.line && d.endColumn !== undefined ? d.endColumn : line.length + 1;
  return Math.max(1, end - column);
}

export const codeFrames = (source: string, ds: Diagnostic[]) => ds.map((d) => codeFrame(source, d)).join('\n\n');
