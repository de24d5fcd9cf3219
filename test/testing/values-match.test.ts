import { describe, expect, it } from 'vitest';
import { compareValues, valuesMatch } from '../../engine/testing/index.ts';

describe('compareValues', () => {
  it('compares numbers to 0.005', () => {
    expect(valuesMatch(45, 45.004)).toBe(true);
    expect(valuesMatch(45, 44.995)).toBe(true);
    expect(valuesMatch(0.1 + 0.2, 0.3)).toBe(true);
    expect(valuesMatch(45, 45.006)).toBe(false);
    expect(valuesMatch(45, '45')).toBe(false);
  });

  it('compares instants as instants and other strings exactly', () => {
    expect(valuesMatch('2025-03-08T21:30:00+02:00', '2025-03-08T22:30:00.000+03:00')).toBe(true);
    expect(valuesMatch('2025-03-08T21:30:00+02:00', '2025-03-08T21:30:00.000+03:00')).toBe(false);
    expect(valuesMatch('met', 'met')).toBe(true);
    expect(valuesMatch('met', 'Met')).toBe(false);
  });

  it('treats a nested object as a subset and names the differing field', () => {
    expect(valuesMatch({ amount: 0 }, { amount: 0, currency: 'USD' })).toBe(true);
    expect(compareValues({ amount: 0, currency: 'EUR' }, { amount: 0, currency: 'USD' }, '.cost')).toEqual([
      { at: '.cost.currency', expected: 'EUR', actual: 'USD' },
    ]);
    expect(valuesMatch({ amount: 0 }, null)).toBe(false);
  });

  it('lets null match null or an absent value, and nothing else', () => {
    expect(valuesMatch(null, null)).toBe(true);
    expect(valuesMatch(null, undefined)).toBe(true);
    expect(valuesMatch(null, 0)).toBe(false);
    expect(valuesMatch(0, null)).toBe(false);
  });

  it('compares lists element by element, with the same length', () => {
    expect(valuesMatch(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(valuesMatch(['a'], ['a', 'b'])).toBe(false);
    expect(valuesMatch([1], 1)).toBe(false);
  });

  it('compares booleans strictly', () => {
    expect(valuesMatch(true, true)).toBe(true);
    expect(valuesMatch(false, undefined)).toBe(false);
    expect(valuesMatch(true, 1)).toBe(false);
  });
});
