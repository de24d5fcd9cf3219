import { expect } from 'vitest';
import { formatInstant, parseInstant } from '../../engine/calendar/index.ts';
import { SlaError } from '../../engine/diagnostics/index.ts';

/** Epoch ms of an ISO instant with offset (throws on a typo in a test table). */
export function ms(s: string): number {
  const r = parseInstant(s);
  if (typeof r !== 'number') throw new Error(r.error);
  return r;
}

export const fmt = formatInstant;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The diagnostics an SlaError carries (fails the test if fn does not throw one). */
export function diagnosticsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SlaError);
    return (e as SlaError).diagnostics;
  }
  throw new Error('expected an SlaError');
}
