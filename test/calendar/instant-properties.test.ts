// Instants as text, by law: the fast ISO reader agrees with the strict parser on every string
// (valid or not), and formatInstant writes what luxon writes for the same instant and zone —
// DST zones, half-hour and 45-minute offsets, negative offsets — and reads back to the same ms.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatInstant, parseInstant, toLuxonZone } from '../../engine/calendar/index.ts';
import { strictInstant } from '../../engine/calendar/instant.ts';
import { MAX_INSTANT, MIN_INSTANT } from '../../engine/calendar/limits.ts';

const SEED = 20_261_201;
const RUNS = 5_000;

// Before the 1970s some zones' local mean times have offsets with seconds, which ISO text cannot
// write: an IANA zone is taken from 1972 on, a fixed offset over the whole range.
const SINCE_1972 = Date.UTC(1972, 0, 1);

/** Instants anywhere in range (for the zone), and instants in the months clocks change. */
const instantsIn = (zones: fc.Arbitrary<string>) =>
  zones.chain((zone) => {
    const min = /^[+-]/.test(zone) || zone === 'UTC' ? MIN_INSTANT : SINCE_1972;
    return fc.tuple(
      fc.oneof(
        fc.integer({ min, max: MAX_INSTANT - 1 }),
        fc
          .tuple(fc.integer({ min: 1972, max: 2100 }), fc.constantFrom(2, 3, 4, 9, 10, 11), fc.integer({ min: 0, max: 30 * 86_400_000 }))
          .map(([y, m, within]) => Date.UTC(y, m, 1) + within),
      ),
      fc.constant(zone),
    );
  });

const num = (lo: number, hi: number, width: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(width, '0'));

/** Strings near the answers' form: fields often out of range, optional parts, odd separators. */
const instantLike = fc
  .record({
    y: fc.oneof(num(1899, 2201, 4), num(0, 9999, 4)),
    mo: num(0, 13, 2),
    d: num(0, 32, 2),
    t: fc.constantFrom('T', 't', ' ', 'X'),
    h: num(0, 25, 2),
    mi: num(0, 60, 2),
    s: fc.option(num(0, 61, 2)),
    frac: fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,5}$/))),
    off: fc.oneof(
      fc.constantFrom('Z', 'z', '', '+14:00', '-14:00', '+14:01', '+15:00', '+00:00', '-00:00', '+0530', '+05:45', '+03:30', '-03:30', '-09:30'),
      fc.tuple(fc.constantFrom('+', '-'), num(0, 15, 2), num(0, 61, 2)).map(([sg, h, m]) => `${sg}${h}:${m}`),
    ),
    pad: fc.constantFrom('', '', '', ' ', '\t'),
  })
  .map(
    ({ y, mo, d, t, h, mi, s, frac, off, pad }) =>
      `${pad}${y}-${mo}-${d}${t}${h}:${mi}${s === null ? '' : `:${s}`}${frac === null || s === null ? '' : frac.join('')}${off}${pad}`,
  );

/** A valid-looking string with one character replaced: what a typo or a hostile client sends. */
const mutated = fc
  .tuple(
    fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT - 1 }),
    fc.constantFrom('UTC', 'Asia/Tehran', '+05:45', '-03:30'),
    fc.nat(),
    fc.constantFrom('0', '9', ':', '-', '+', 'T', '.', 'Z', ' ', 'a', '٣', '\u0000'),
  )
  .map(([ms, zone, at, ch]) => {
    const s = formatInstant(ms, zone);
    const i = at % s.length;
    return s.slice(0, i) + ch + s.slice(i + 1);
  });

describe('the fast ISO reader', () => {
  it('gives what the strict parser gives, for valid and invalid strings alike', () => {
    fc.assert(
      fc.property(fc.oneof(instantLike, mutated, fc.string({ maxLength: 32 })), (s) => {
        expect(parseInstant(s)).toEqual(strictInstant(s));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('reads back every instant formatInstant writes', () => {
    fc.assert(
      fc.property(instantsIn(fc.constantFrom('UTC', 'Europe/Kyiv', 'Asia/Kathmandu', '-09:30')), ([ms, zone]) => {
        expect(parseInstant(formatInstant(ms, zone))).toBe(ms);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('words the strict parser’s errors for the inputs it leaves to it', () => {
    expect(parseInstant('2025-02-29T10:00:00.000+02:00')).toEqual({ error: '2025-02-29T10:00:00.000+02:00: 2025-02-29 is not a date' });
    expect(parseInstant('2025-03-08T10:00:00.000+14:30')).toEqual({
      error: '2025-03-08T10:00:00.000+14:30: +14:30 is not an offset (offsets run from -14:00 to +14:00)',
    });
  });
});

// Zones with DST, with half-hour DST (Lord Howe), 45-minute offsets, negative half hours, and
// fixed offsets of each kind.
const ZONES = [
  'Europe/Kyiv',
  'America/New_York',
  'America/St_Johns',
  'Asia/Tehran',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Europe/London',
  'UTC',
  '+03:30',
  '+05:45',
  '-03:30',
  '-09:30',
  '+14:00',
  '-12:00',
];

/** luxon's ISO text, with its "Z" for a fixed zero offset written as the offset. */
const luxonIso = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone: toLuxonZone(zone) })
    .toISO()!
    .replace(/Z$/, '+00:00');

describe('formatInstant', () => {
  it('writes what luxon writes, in every kind of zone', () => {
    fc.assert(
      fc.property(instantsIn(fc.constantFrom(...ZONES)), ([ms, zone]) => {
        expect(formatInstant(ms, zone)).toBe(luxonIso(ms, zone));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('writes the offsets of the hour a clock goes back and of the hour it skips', () => {
    // Kyiv, 2025-10-26: 04:00 EEST becomes 03:00 EET; Lord Howe, 2025-04-06: 02:00 +11:00 becomes 01:30 +10:30
    expect(formatInstant(Date.UTC(2025, 9, 26, 0, 30), 'Europe/Kyiv')).toBe('2025-10-26T03:30:00.000+03:00');
    expect(formatInstant(Date.UTC(2025, 9, 26, 1, 30), 'Europe/Kyiv')).toBe('2025-10-26T03:30:00.000+02:00');
    expect(formatInstant(Date.UTC(2025, 3, 5, 14, 59), 'Australia/Lord_Howe')).toBe('2025-04-06T01:59:00.000+11:00');
    expect(formatInstant(Date.UTC(2025, 3, 5, 15, 0), 'Australia/Lord_Howe')).toBe('2025-04-06T01:30:00.000+10:30');
  });

  it('writes every instant of a case of many thousands right, before and after its table of texts has grown', () => {
    // 200 000 distinct instants, 37 minutes and a second apart, more than the table holds at first
    // and at its largest: each batch of a thousand is written, then written again from the table
    const zone = 'Asia/Tehran';
    const from = Date.UTC(2021, 2, 1);
    const instants = Array.from({ length: 200_000 }, (_, i) => from + i * (37 * 60_000 + 1_001));
    const wrong: string[] = [];
    for (let b = 0; b < instants.length; b += 1000) {
      const batch = instants.slice(b, b + 1000);
      const first = batch.map((ms) => formatInstant(ms, zone));
      batch.forEach((ms, i) => {
        if (formatInstant(ms, zone) !== first[i]) wrong.push(`${ms}: ${first[i]} then ${formatInstant(ms, zone)}`);
      });
      if (b % 20_000 === 0) expect(first).toEqual(batch.map((ms) => luxonIso(ms, zone)));
    }
    expect(wrong).toEqual([]);
  });
});
