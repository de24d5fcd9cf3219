// A bound on how many diagnostics one input yields: a file with 100 000 mistakes gets the first
// MAX_DIAGNOSTICS and one closing "and N more" diagnostic, and collecting them stays cheap.
import type { Diagnostic } from './diagnostic.ts';
import { diagnostic } from './diagnostic.ts';

export const MAX_DIAGNOSTICS = 100;

const MORE = /^and (\d+) more (?:errors?|warnings?|problems?)$/;

/** The closing diagnostic that stands for `count` diagnostics left out. */
export function moreProblems(count: number, severity: Diagnostic['severity'], file?: string): Diagnostic {
  const noun = severity === 'error' ? (count === 1 ? 'error' : 'errors') : count === 1 ? 'warning' : 'warnings';
  return { ...diagnostic('SLA5011', `and ${count} more ${noun}`, file === undefined ? {} : { file }), severity };
}

/** Whether a diagnostic is the closing "and N more" of a capped list. */
export const isMoreProblems = (d: Diagnostic): boolean => d.code === 'SLA5011';

/** How many diagnostics a list stands for: its own, plus those its closing "and N more" counts. */
export function countProblems(ds: readonly Diagnostic[]): number {
  return ds.reduce((n, d) => n + (isMoreProblems(d) ? Number(MORE.exec(d.message)?.[1] ?? 1) : 1), 0);
}

/** The first `max` diagnostics, then one that says how many more there were. */
export function capDiagnostics(ds: readonly Diagnostic[], max = MAX_DIAGNOSTICS): Diagnostic[] {
  if (countProblems(ds) <= max) return [...ds];
  const shown = ds.filter((d) => !isMoreProblems(d)).slice(0, max);
  const rest = ds.slice(shown.length);
  const severity = rest.some((d) => d.severity === 'error') ? 'error' : 'warning';
  return [...shown, moreProblems(countProblems(ds) - shown.length, severity, shown[0]?.file)];
}

/** Collects diagnostics, keeping at most `max` and counting the rest. */
export class DiagnosticList {
  readonly #kept: Diagnostic[] = [];
  #dropped = 0;
  #droppedError = false;
  constructor(readonly max = MAX_DIAGNOSTICS) {}
  push(...ds: Diagnostic[]): void {
    for (const d of ds) {
      if (this.#kept.length < this.max) this.#kept.push(d);
      else [this.#dropped, this.#droppedError] = [this.#dropped + 1, this.#droppedError || d.severity === 'error'];
    }
  }
  get length(): number {
    return this.#kept.length + this.#dropped;
  }
  list(): Diagnostic[] {
    return this.#dropped ? [...this.#kept, moreProblems(this.#dropped, this.#droppedError ? 'error' : 'warning')] : [...this.#kept];
  }
}
