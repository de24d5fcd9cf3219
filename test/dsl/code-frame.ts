// Diagnostics rendered as code frames, for error snapshots.
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
    if (n === d.line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, (d.column ?? 1) - 1))}^`);
  }
  return out.join('\n');
}

export const codeFrames = (source: string, ds: Diagnostic[]) => ds.map((d) => codeFrame(source, d)).join('\n\n');
