// Zones, offsets and instants as text.
import { describe, expect, it } from 'vitest';
import { checkZone, formatInstant, localDate, parseInstant, toLuxonZone } from '../../engine/calendar/index.ts';
import { ms } from './helpers.ts';

describe('checkZone', () => {
  it.each(['Europe/Kyiv', 'Europe/Kiev', 'Asia/Tehran', 'UTC', 'Etc/UTC', '+02:00', '-03:30', '+05:45', '+14:00', '-12:00'])('accepts %s', (z) => {
    expect(checkZone(z)).toBeUndefined();
  });
  it.each([
    ['GMT+2', '"+02:00"'],
    ['GMT +2', '"+02:00"'],
    ['UTC+3:30', '"+03:30"'],
    ['+2', '"+02:00"'],
    ['+0200', '"+02:00"'],
    ['Etc/GMT+2', '"-02:00"'],
    ['Etc/GMT-3', '"+03:00"'],
    ['EST', 'America/New_York'],
    ['eet', 'Europe/Kyiv'],
    ['CET', 'Europe/Berlin'],
    ['Europe/Berln', 'Europe/Berlin'],
    ['+15:00', 'out of range'],
    ['Mars/Olympus', 'IANA zone'],
  ])('rejects %s and suggests %s', (z, hint) => {
    expect(checkZone(z)).toContain(hint);
  });
  it('explains that Etc/GMT+2 is two hours behind UTC', () => {
    expect(checkZone('Etc/GMT+2')).toContain('UTC−02:00');
  });
});

describe('toLuxonZone', () => {
  it.each([
    ['+02:00', 'UTC+2'],
    ['-03:30', 'UTC-3:30'],
    ['+05:45', 'UTC+5:45'],
    ['+00:00', 'UTC'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
  ])('%s → %s', (z, l) => expect(toLuxonZone(z)).toBe(l));
});

describe('formatInstant and localDate', () => {
  const t = Date.UTC(2025, 2, 8, 19, 30);
  it.each([
    ['Europe/Kyiv', '2025-03-08T21:30:00.000+02:00'],
    ['+02:00', '2025-03-08T21:30:00.000+02:00'],
    ['Asia/Tehran', '2025-03-08T23:00:00.000+03:30'],
    ['Asia/Kathmandu', '2025-03-09T01:15:00.000+05:45'],
    ['America/New_York', '2025-03-08T14:30:00.000-05:00'],
    ['UTC', '2025-03-08T19:30:00.000+00:00'],
  ])('in %s: %s', (zone, s) => {
    expect(formatInstant(t, zone)).toBe(s);
    expect(parseInstant(s)).toBe(t);
  });
  it('shows Kyiv summer time and Tehran before and after 2022', () => {
    expect(formatInstant(Date.UTC(2025, 6, 1, 9), 'Europe/Kyiv')).toBe('2025-07-01T12:00:00.000+03:00');
    expect(formatInstant(Date.UTC(2021, 6, 1, 9), 'Asia/Tehran')).toBe('2021-07-01T13:30:00.000+04:30');
    expect(formatInstant(Date.UTC(2023, 6, 1, 9), 'Asia/Tehran')).toBe('2023-07-01T12:30:00.000+03:30');
  });
  it('gives the local date', () => {
    expect(localDate(ms('2025-03-08T23:30:00+02:00'), 'Asia/Tehran')).toBe('2025-03-09');
    expect(localDate(ms('2025-03-08T23:30:00+02:00'), 'Europe/Kyiv')).toBe('2025-03-08');
    expect(localDate(ms('2025-03-08T23:30:00+02:00'), 'America/New_York')).toBe('2025-03-08');
  });
});

describe('parseInstant', () => {
  it.each([
    ['2025-03-08T10:00:00+02:00', Date.UTC(2025, 2, 8, 8)],
    ['2025-03-08T10:00+02:00', Date.UTC(2025, 2, 8, 8)],
    ['2025-03-08T10:00:00Z', Date.UTC(2025, 2, 8, 10)],
    ['2025-03-08T10:00:00.250-05:00', Date.UTC(2025, 2, 8, 15, 0, 0, 250)],
    ['2025-03-08T10:00:00+0530', Date.UTC(2025, 2, 8, 4, 30)],
  ])('%s', (s, t) => expect(parseInstant(s)).toBe(t));
  it.each([
    ['2025-03-08T10:00', '2025-03-08T10:00 has no offset; add one such as +02:00 or Z'],
    ['2025-03-08', 'date without a time'],
    ['2025-02-30T10:00:00Z', 'is not a date'],
    ['2025-03-08T24:00:00Z', 'is not a time of day'],
    ['8 March 2025', 'not an ISO 8601 instant'],
    ['1800-01-01T00:00:00Z', 'outside the supported range'],
  ])('rejects %s: %s', (s, why) => {
    const r = parseInstant(s);
    expect(typeof r).toBe('object');
    expect((r as { error: string }).error).toContain(why);
  });
});
