import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOf, roundHalfAway } from '../../engine/money.ts';

describe('money rounding', () => {
  it('rounds half away from zero at the cent, without float drift', () => {
    expect(roundHalfAway(1.005)).toBe(1.01);
    expect(roundHalfAway(2.675)).toBe(2.68);
    expect(roundHalfAway(-1.005)).toBe(-1.01);
    expect(roundHalfAway(0.125)).toBe(0.13);
    expect(roundHalfAway(1.004999)).toBe(1);
    expect(percentOf(1200, 95)).toBe(1140);
    expect(percentOf(19.99, 13)).toBe(2.6);
    expect(percentOf(1000, 30)).toBe(300);
  });

  it('agrees with exact integer arithmetic on cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (cents, percent) => {
        // exact: cents × percent / 100 in hundredths of a cent, rounded half up
        const exact = Math.floor((cents * percent + 50) / 100);
        expect(Math.round(percentOf(cents / 100, percent) * 100)).toBe(exact);
      }),
      { numRuns: 5000, seed: 42 },
    );
  });
});
