// Durations as the policies write them, solar years and month periods.
import { describe, expect, it } from 'vitest';
import { addDuration, addSolarYears, buildCalendars, parseDuration, periodContaining, periodsBetween } from '../../engine/calendar/index.ts';
import { diagnosticsOf, fmt, HOUR, ms } from './helpers.ts';

const KYIV = 'Europe/Kyiv';
const TEHRAN = 'Asia/Tehran';

describe('parseDuration', () => {
  it.each([
    ['24 hours', 24, 'hours'],
    ['1 hour', 1, 'hours'],
    ['90 minutes', 90, 'minutes'],
    ['3 days', 3, 'days'],
    ['2 weeks', 2, 'weeks'],
    ['14 business days', 14, 'business_days'],
    ['1 business day', 1, 'business_days'],
    ['24 hours (business days)', 24, 'business_day_hours'],
    ['5 business hours', 5, 'business_hours'],
    ['1.5 business hours', 1.5, 'business_hours'],
    ['1 solar year', 1, 'solar_years'],
  ])('%s', (s, amount, unit) => {
    expect(parseDuration(s)).toEqual({ amount, unit });
  });
  it.each(['', '3', 'three days', '3 fortnights', '-1 days', '3  days', '3 Days'])('rejects "%s"', (s) => {
    expect(parseDuration(s)).toBeUndefined();
  });
});

describe('addDuration', () => {
  it.each([
    ['2025-03-29T12:00:00+02:00', '1 day', '2025-03-30T12:00:00.000+03:00', 'spring DST: 23 elapsed hours'],
    ['2025-03-29T12:00:00+02:00', '24 hours', '2025-03-30T13:00:00.000+03:00', 'elapsed'],
    ['2025-10-25T12:00:00+03:00', '1 day', '2025-10-26T12:00:00.000+02:00', 'autumn DST: 25 elapsed hours'],
    ['2025-03-29T03:30:00+02:00', '1 day', '2025-03-30T04:30:00.000+03:00', '03:30 does not exist that day: moved past the gap'],
    ['2025-10-25T03:30:00+03:00', '1 day', '2025-10-26T03:30:00.000+03:00', '03:30 happens twice: keeps the offset it had'],
    ['2025-03-20T10:00:00+02:00', '2 weeks', '2025-04-03T10:00:00.000+03:00', 'weeks are 7 wall days'],
    ['2025-03-29T12:00:00+02:00', '1.5 days', '2025-03-31T00:00:00.000+03:00', 'a whole wall day, then 12 elapsed hours'],
    ['2025-01-31T10:00:00+02:00', '30 days', '2025-03-02T10:00:00.000+02:00', 'month ends'],
    ['2024-02-28T10:00:00+02:00', '1 day', '2024-02-29T10:00:00.000+02:00', 'leap day'],
    ['2025-06-01T10:00:00+03:00', '90 minutes', '2025-06-01T11:30:00.000+03:00', 'minutes'],
  ])('%s + %s = %s (%s)', (from, d, to) => {
    expect(fmt(addDuration(ms(from), d, { zone: KYIV }), KYIV)).toBe(to);
  });

  it('counts wall days in a fixed offset as 24 hours each', () => {
    expect(addDuration(ms('2025-03-29T12:00:00+02:00'), '5 days', { zone: '+02:00' }) - ms('2025-03-29T12:00:00+02:00')).toBe(120 * HOUR);
  });

  it('rejects what it cannot compute, with the reason', () => {
    expect(diagnosticsOf(() => addDuration(0, '3 fortnights', { zone: KYIV }))[0].code).toBe('SLA3015');
    const noCal = diagnosticsOf(() => addDuration(0, '5 business hours', { zone: KYIV }));
    expect(noCal[0].code).toBe('SLA3034');
    expect(noCal[0].message).toContain('needs a calendar');
    expect(diagnosticsOf(() => addDuration(0, '8000 days', { zone: KYIV }))[0].code).toBe('SLA4014');
    expect(diagnosticsOf(() => addDuration(0, '300 solar years', { zone: TEHRAN }))[0].code).toBe('SLA4014');
    expect(diagnosticsOf(() => addDuration(0, '1 day', { zone: 'GMT+2' }))[0].code).toBe('SLA3007');
    expect(diagnosticsOf(() => addDuration(Number.NaN, '1 day', { zone: KYIV }))[0].code).toBe('SLA4014');
  });

  it('stops a calendar that is almost never open at 20 years, with a diagnostic', () => {
    const sparse = buildCalendars({ rare: { days: ['mon'], hours: { mon: ['09:00-09:01'] } } }, KYIV).get('rare')!;
    const d = diagnosticsOf(() => addDuration(ms('2025-01-01T00:00:00Z'), '2000 business hours', { zone: KYIV, calendar: sparse }));
    expect(d[0].code).toBe('SLA4014');
    expect(d[0].message).toContain('calendar "rare"');
    const always = buildCalendars({ all: { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] } }, KYIV).get('all')!;
    expect(diagnosticsOf(() => always.nextClose(ms('2025-01-01T00:00:00Z')))[0].message).toContain('never closes');
  });
});

describe('solar (Jalali) years', () => {
  it.each([
    ['2025-03-20T10:00:00+03:30', 1, '2026-03-20T10:00:00.000+03:30', '30 Esfand 1403 (leap) → 29 Esfand 1404'],
    ['2025-03-21T10:00:00+03:30', 1, '2026-03-21T10:00:00.000+03:30', '1 Farvardin 1404 → 1 Farvardin 1405'],
    ['2021-03-20T10:00:00+03:30', 4, '2025-03-20T10:00:00.000+03:30', '30 Esfand 1399 → 30 Esfand 1403, both leap'],
    ['2021-06-01T10:00:00+04:30', 1, '2022-06-01T10:00:00.000+04:30', '11 Khordad 1400 → 1401, still DST'],
    ['2021-06-01T10:00:00+04:30', 2, '2023-06-01T10:00:00.000+03:30', 'same wall time after Iran dropped DST'],
    ['2024-10-15T18:30:00+03:30', 1, '2025-10-16T18:30:00.000+03:30', '24 Mehr: the leap day 30 Esfand 1403 shifts the Gregorian date'],
  ])('%s + %i solar years = %s (%s)', (from, n, to) => {
    expect(fmt(addSolarYears(ms(from), n, TEHRAN), TEHRAN)).toBe(to);
    expect(fmt(addDuration(ms(from), n === 1 ? '1 solar year' : `${n} solar years`, { zone: TEHRAN }), TEHRAN)).toBe(to);
  });
});

describe('calendar-month periods', () => {
  const hours = (p: { from: number; until: number }) => (p.until - p.from) / HOUR;
  it('Gregorian months in Kyiv run midnight to midnight across DST', () => {
    const march = periodContaining(ms('2025-03-15T12:00:00+02:00'), KYIV, 'month');
    expect([fmt(march.from, KYIV), fmt(march.until, KYIV)]).toEqual(['2025-03-01T00:00:00.000+02:00', '2025-04-01T00:00:00.000+03:00']);
    expect(hours(march)).toBe(31 * 24 - 1);
    expect(hours(periodContaining(ms('2025-10-31T23:59:59+02:00'), KYIV, 'month'))).toBe(31 * 24 + 1);
    expect(hours(periodContaining(ms('2024-02-10T00:00:00+02:00'), KYIV, 'month'))).toBe(29 * 24);
  });

  it('an instant at local midnight belongs to the month it starts', () => {
    const p = periodContaining(ms('2025-04-01T00:00:00+03:00'), KYIV, 'month');
    expect(fmt(p.from, KYIV)).toBe('2025-04-01T00:00:00.000+03:00');
  });

  it.each([
    ['2025-03-01T12:00:00+03:30', '2025-02-19T00:00:00.000+03:30', '2025-03-21T00:00:00.000+03:30', 30 * 24, 'Esfand 1403, a leap year'],
    ['2026-03-01T12:00:00+03:30', '2026-02-20T00:00:00.000+03:30', '2026-03-21T00:00:00.000+03:30', 29 * 24, 'Esfand 1404'],
    ['2022-04-01T12:00:00+04:30', '2022-03-21T00:00:00.000+03:30', '2022-04-21T00:00:00.000+04:30', 31 * 24 - 1, 'Farvardin 1401, DST began on its second day'],
    ['2022-09-01T12:00:00+04:30', '2022-08-23T00:00:00.000+04:30', '2022-09-23T00:00:00.000+03:30', 31 * 24 + 1, 'Shahrivar 1401, DST ended'],
    ['2023-10-01T12:00:00+03:30', '2023-09-23T00:00:00.000+03:30', '2023-10-23T00:00:00.000+03:30', 30 * 24, 'Mehr 1402'],
  ])('the solar month of %s runs %s to %s (%s)', (at, from, until, h) => {
    const p = periodContaining(ms(at), TEHRAN, 'solar_month');
    expect([fmt(p.from, TEHRAN), fmt(p.until, TEHRAN)]).toEqual([from, until]);
    expect(hours(p)).toBe(h);
  });

  it('lists the periods overlapping a range, in both systems', () => {
    const g = periodsBetween(ms('2025-01-15T00:00:00+02:00'), ms('2025-04-02T00:00:00+03:00'), KYIV, 'month');
    expect(g.map((p) => fmt(p.from, KYIV).slice(0, 10))).toEqual(['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01']);
    const s = periodsBetween(ms('2025-03-01T00:00:00+03:30'), ms('2025-03-22T00:00:00+03:30'), TEHRAN, 'solar_month');
    expect(s.map((p) => fmt(p.from, TEHRAN).slice(0, 10))).toEqual(['2025-02-19', '2025-03-21']);
    expect(periodsBetween(ms('2025-03-01T00:00:00+03:30'), ms('2025-03-01T00:00:00+03:30'), TEHRAN, 'solar_month')).toEqual([]);
    // [from, to): a range ending at a month start does not touch that month
    expect(periodsBetween(ms('2025-03-10T00:00:00+02:00'), ms('2025-04-01T00:00:00+03:00'), KYIV, 'month')).toHaveLength(1);
  });
});
