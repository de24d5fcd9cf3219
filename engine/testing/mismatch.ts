// What a failed expectation reports, and its plain-text form (the CLI and the playground share it).

export interface Mismatch {
  /** where, e.g. `entitlements[id=re_migration].remaining`, `refund`, `credits` */
  path: string;
  /** `value`: a field differs; `missing`: no such item; `unexpected`: an item where none were expected */
  kind: 'value' | 'missing' | 'unexpected';
  expected: unknown;
  actual: unknown;
  /** the whole actual item the path points into, when there is one */
  item?: unknown;
  /** for `missing`: the items of that kind the answer has, named as in paths (`id=…,subject=…`) */
  present?: string[];
}

/** Compact one-line rendering of expected and actual values. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

export function describeMismatch(m: Mismatch): string {
  switch (m.kind) {
    case 'missing':
      return `${m.path}: no such item`;
    case 'unexpected':
      return `${m.path}: expected none`;
    case 'value':
      return m.path;
  }
}

/** Lines describing one mismatch, without the actual item (callers group those). */
export function formatMismatch(m: Mismatch): string[] {
  return [describeMismatch(m), `  expected: ${showValue(m.expected)}`, `  actual:   ${showValue(m.actual)}`];
}
