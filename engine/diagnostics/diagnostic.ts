// The one problem shape every layer reports (see contract.md, "Diagnostics").
import type { Code } from './codes.ts';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: Code;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** where the span ends: the position just past its last character (same line numbering) */
  endLine?: number;
  endColumn?: number;
  /** JSON pointer into the policy or the case. */
  path?: string;
  /** a hint, e.g. the near miss or what is accepted */
  help?: string;
}

/** The one error type the library throws for bad input: it carries the diagnostics. */
export class SlaError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'SlaError';
    this.diagnostics = diagnostics;
  }
}

export function diagnostic(code: Code, message: string, extra: Partial<Omit<Diagnostic, 'code' | 'message'>> = {}): Diagnostic {
  return { severity: 'error', code, message, ...extra };
}

/** `file:line:column: error CODE message` as the CLI prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}${d.path && !d.line ? ` ${d.path}` : ''}: ` : d.path ? `${d.path}: ` : '';
  return `${where}${d.severity} ${d.code} ${d.message}${d.help ? ` (${d.help})` : ''}`;
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

export function throwIfErrors(ds: readonly Diagnostic[]): void {
  if (hasErrors(ds)) throw new SlaError(ds.filter((d) => d.severity === 'error'));
}
