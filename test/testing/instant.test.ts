import { describe, expect, it } from 'vitest';
import { instantMillis } from '../../engine/testing/index.ts';

describe('instantMillis', () => {
  it('reads the same instant written with different offsets as one', () => {
    const utc = Date.UTC(2025, 2, 8, 19, 30);
    expect(instantMillis('2025-03-08T21:30:00+02:00')).toBe(utc);
    expect(instantMillis('2025-03-08T23:00:00.000+03:30')).toBe(utc);
    expect(instantMillis('2025-03-08T19:30:00Z')).toBe(utc);
    expect(instantMillis('2025-03-08T14:30:00-05:00')).toBe(utc);
    expect(instantMillis('2025-03-08T21:30+0200')).toBe(utc);
  });

  it('keeps milliseconds', () => {
    expect(instantMillis('2025-03-08T19:30:00.25Z')).toBe(Date.UTC(2025, 2, 8, 19, 30, 0, 250));
  });

  it('refuses times without an offset, plain dates and impossible dates', () => {
    expect(instantMillis('2025-03-08T21:30:00')).toBeUndefined();
    expect(instantMillis('2025-03-08')).toBeUndefined();
    expect(instantMillis('2025-02-30T10:00:00Z')).toBeUndefined();
    expect(instantMillis('2025-03-08T25:00:00Z')).toBeUndefined();
    expect(instantMillis('T-1')).toBeUndefined();
    expect(instantMillis(1741462200000)).toBeUndefined();
  });

  it('accepts a Date (a YAML timestamp) as the instant it is', () => {
    expect(instantMillis(new Date('2025-03-08T19:30:00Z'))).toBe(Date.UTC(2025, 2, 8, 19, 30));
  });
});
