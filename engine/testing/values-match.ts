// Field comparison of contract.md: instants as instants, numbers to 0.005, objects as subsets.
import { instantMillis } from './instant.ts';

/** Money is rounded to cents, so a hundredth-of-a-cent slack absorbs float noise only. */
export const NUMBER_TOLERANCE = 0.005;

export interface ValueMismatch {
  /** where below the compared value, e.g. `.cost.amount` ('' for the value itself) */
  at: string;
  expected: unknown;
  actual: unknown;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Every way `actual` fails to match `expected`; empty when it matches. */
export function compareValues(expected: unknown, actual: unknown, at = ''): ValueMismatch[] {
  const differ = [{ at, expected, actual }];
  // `null` says "no value": an absent field has none either.
  if (expected === null) return actual === null || actual === undefined ? [] : differ;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return differ;
    return expected.flatMap((e, i) => compareValues(e, actual[i], `${at}[${i}]`));
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return differ;
    return Object.entries(expected).flatMap(([k, e]) => compareValues(e, actual[k], `${at}.${k}`));
  }
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(expected - actual) <= NUMBER_TOLERANCE + 1e-9 ? [] : differ;
  }
  const expectedMs = instantMillis(expected);
  if (expectedMs !== undefined) return instantMillis(actual) === expectedMs ? [] : differ;
  return expected === actual ? [] : differ;
}

export const valuesMatch = (expected: unknown, actual: unknown) => compareValues(expected, actual).length === 0;
