// The bundled vendors' calendars (policies/*.yaml), case by case, as a user of each policy sees them.
import { describe, expect, it } from 'vitest';
import { addDuration } from '../../engine/calendar/index.ts';
import { cal } from './fixtures.ts';
import { DAY, diagnosticsOf, fmt, HOUR, ms } from './helpers.ts';

const KYIV = 'Europe/Kyiv';
const TEHRAN = 'Asia/Tehran';

describe('cart2cart business days (Ukrainian Labour Code, art. 67 substitution, martial law)', () => {
  const business = cal('cart2cart', 'business');
  it.each([
    ['2019-08-23', true, 'Friday before Independence Day'],
    ['2019-08-24', false, 'Independence Day on a Saturday'],
    ['2019-08-26', false, 'moved to Monday'],
    ['2019-08-27', true, 'Tuesday'],
    ['2020-04-20', false, 'Orthodox Easter (19 April, Sunday) moved to Monday'],
    ['2020-06-08', false, 'Trinity (7 June, Sunday) moved to Monday'],
    ['2020-06-29', false, 'Constitution Day (28 June, Sunday) moved to Monday'],
    ['2020-12-25', false, 'Western Christmas 2020, a Friday'],
    ['2021-01-01', false, 'New Year 2021, a Friday'],
    ['2021-01-04', true, 'New Year on a Friday moves nothing'],
    ['2021-01-07', false, 'Orthodox Christmas'],
    ['2021-01-08', true, 'the policy lists no announced transfers'],
    ['2021-05-03', false, 'Labour Day (1 May, Saturday) moved to Monday'],
    ['2021-05-04', false, 'Easter (2 May, Sunday) moved past the Monday already off'],
    ['2021-05-05', true, 'the chain ends'],
    ['2021-05-10', false, 'Victory Day (9 May, Sunday) moved to Monday'],
    ['2021-05-11', true, 'Tuesday'],
    ['2021-12-27', false, 'Christmas 2021 (Saturday) moved to Monday'],
    ['2022-01-07', false, 'Orthodox Christmas, before martial law'],
    ['2022-03-08', true, "Women's Day under martial law"],
    ['2023-05-01', true, 'Labour Day under martial law'],
    ['2024-12-25', true, 'Christmas 2024 under martial law'],
    ['2024-12-28', false, 'Saturday'],
  ])('%s is a business day: %s (%s)', (date, expected) => {
    expect(business.isBusinessDay(date)).toBe(expected);
  });

  it('lists the days off of 2021 with substitutes named for display', () => {
    const h = business.holidays(2021);
    expect(h.map((d) => d.date)).toEqual([
      '2021-01-01',
      '2021-01-07',
      '2021-03-08',
      '2021-05-01',
      '2021-05-02',
      '2021-05-03',
      '2021-05-04',
      '2021-05-09',
      '2021-05-10',
      '2021-06-20',
      '2021-06-21',
      '2021-06-28',
      '2021-08-24',
      '2021-10-14',
      '2021-12-25',
      '2021-12-27',
    ]);
    expect(h.find((d) => d.date === '2021-05-04')?.name).toBe('Orthodox Easter (moved from 2021-05-02)');
  });

  it('has no days off from holidays under martial law', () => {
    expect(business.holidays(2023)).toEqual([]);
    // 2022 until 24 February: New Year (a Saturday, moved to Monday) and Orthodox Christmas
    expect(business.holidays(2022).map((d) => d.date)).toEqual(['2022-01-01', '2022-01-03', '2022-01-07']);
  });

  it.each([
    ['2021-04-30T15:00:00+03:00', '24 hours (business days)', '2021-05-05T15:00:00.000+03:00', 'over the May 2021 chain'],
    ['2019-08-24T10:00:00+03:00', '1 business day', '2019-08-28T00:00:00.000+03:00', 'started on a day off: from Tuesday 00:00'],
    ['2020-12-24T18:00:00+02:00', '1 business day', '2020-12-28T18:00:00.000+02:00', 'Christmas 2020 is off'],
    ['2024-12-24T18:00:00+02:00', '1 business day', '2024-12-25T18:00:00.000+02:00', 'Christmas 2024 is worked'],
    ['2025-03-28T10:00:00+02:00', '1 business day', '2025-03-31T10:00:00.000+03:00', 'over the DST weekend'],
    ['2025-10-24T10:00:00+03:00', '3 business days', '2025-10-29T10:00:00.000+02:00', 'over the autumn DST weekend'],
    ['2021-06-01T12:00:00+03:00', '7 business days', '2021-06-10T12:00:00.000+03:00', 'a migration restart window'],
  ])('%s + %s = %s (%s)', (from, duration, due) => {
    expect(fmt(addDuration(ms(from), duration, { zone: KYIV, calendar: business }), KYIV)).toBe(due);
  });
});

describe('cart2cart technical support: 11:00–19:00 at a fixed UTC+02:00 on the business days', () => {
  const support = cal('cart2cart', 'technical_support');
  it('keeps the declared zone', () => expect(support.zone).toBe('+02:00'));
  it.each([
    ['2021-06-01T11:30:00+03:00', false, 'Kyiv summer time is an hour ahead: 10:30 at +02:00'],
    ['2021-06-01T12:00:00+03:00', true, '11:00 at +02:00'],
    ['2021-06-01T19:59:59+03:00', true, '18:59:59 at +02:00'],
    ['2021-06-01T20:00:00+03:00', false, '19:00 at +02:00'],
    ['2021-01-12T11:00:00+02:00', true, 'winter: Kyiv and +02:00 agree'],
    ['2021-01-12T10:59:59.999+02:00', false, 'a millisecond before opening'],
    ['2021-05-03T12:00:00+02:00', false, 'Labour Day moved to Monday closes support'],
    ['2021-05-08T12:00:00+02:00', false, 'Saturday'],
  ])('open at %s: %s (%s)', (at, open) => {
    expect(support.isOpen(ms(at))).toBe(open);
  });

  it('opens next on the first business day after the May 2021 chain', () => {
    expect(fmt(support.nextOpen(ms('2021-04-30T19:00:00+02:00')), '+02:00')).toBe('2021-05-05T11:00:00.000+02:00');
    expect(fmt(support.nextClose(ms('2021-05-01T09:00:00+02:00')), '+02:00')).toBe('2021-05-05T19:00:00.000+02:00');
  });

  it('counts 5 hours of support over the closed days', () => {
    expect(fmt(support.addWorkingMs(ms('2021-04-30T17:00:00+02:00'), 5 * HOUR), '+02:00')).toBe('2021-05-05T14:00:00.000+02:00');
    expect(support.workingMsBetween(ms('2021-04-26T00:00:00+02:00'), ms('2021-05-10T00:00:00+02:00'))).toBe(8 * 8 * HOUR); // 26–30 April, 5–7 May
  });
});

describe('relokia support hours (Kyiv, split shifts, 24:00 ends)', () => {
  const premium = cal('relokia', 'premium_support');
  const center = cal('relokia', 'support_center');
  const standard = cal('relokia', 'standard_support');

  it.each([
    ['2025-03-24T23:59:59.999+02:00', true, 'Monday 08:00–24:00 runs to midnight'],
    ['2025-03-25T00:00:00+02:00', false, 'Tuesday 00:00 is closed'],
    ['2025-03-29T10:00:00+02:00', true, 'Saturday first shift'],
    ['2025-03-29T12:00:00+02:00', false, 'between the shifts'],
    ['2025-03-29T19:59:00+02:00', true, 'Saturday second shift'],
    ['2025-03-30T10:30:00+03:00', true, 'Sunday of the DST change, local 10:30'],
  ])('premium open at %s: %s (%s)', (at, open) => {
    expect(premium.isOpen(ms(at))).toBe(open);
  });

  it('finds the next shift and the end of the current one', () => {
    expect(fmt(premium.nextOpen(ms('2025-03-29T12:30:00+02:00')), KYIV)).toBe('2025-03-29T18:00:00.000+02:00');
    expect(fmt(premium.nextClose(ms('2025-03-29T10:30:00+02:00')), KYIV)).toBe('2025-03-29T12:00:00.000+02:00');
    expect(fmt(premium.nextClose(ms('2025-03-24T20:00:00+02:00')), KYIV)).toBe('2025-03-25T00:00:00.000+02:00');
    expect(fmt(premium.nextOpen(ms('2025-03-25T00:00:00+02:00')), KYIV)).toBe('2025-03-25T08:00:00.000+02:00');
  });

  it.each([
    ['spring', '2025-03-24T00:00:00+02:00', '2025-03-31T00:00:00+03:00'],
    ['autumn', '2025-10-20T00:00:00+03:00', '2025-10-27T00:00:00+02:00'],
    ['ordinary', '2025-06-02T00:00:00+03:00', '2025-06-09T00:00:00+03:00'],
  ])('a DST week (%s) has the same working hours as any week', (_, from, to) => {
    expect(premium.workingMsBetween(ms(from), ms(to))).toBe((5 * 16 + 2 * 4) * HOUR);
    expect(center.workingMsBetween(ms(from), ms(to))).toBe((5 * 16 + 2 * 8) * HOUR);
    expect(standard.workingMsBetween(ms(from), ms(to))).toBe(5 * 9 * HOUR);
  });

  it('counts business hours into the next week', () => {
    expect(fmt(standard.addWorkingMs(ms('2025-03-28T16:00:00+02:00'), 5 * HOUR), KYIV)).toBe('2025-03-31T12:00:00.000+03:00');
    expect(fmt(premium.addWorkingMs(ms('2025-03-29T11:00:00+02:00'), 4 * HOUR), KYIV)).toBe('2025-03-30T11:00:00.000+03:00');
  });

  it('reaches a deadline exactly at a closing time, not at the next opening', () => {
    expect(fmt(standard.addWorkingMs(ms('2025-06-02T09:00:00+03:00'), 9 * HOUR), KYIV)).toBe('2025-06-02T18:00:00.000+03:00');
  });

  it('relokia business days name no holidays', () => {
    const business = cal('relokia', 'business');
    expect(business.isBusinessDay('2020-12-25')).toBe(true);
    expect(business.holidays(2021)).toEqual([]);
    expect(fmt(addDuration(ms('2025-03-27T15:00:00+02:00'), '2 business days', { zone: KYIV, calendar: business }), KYIV)).toBe(
      '2025-03-31T15:00:00.000+03:00',
    );
  });

  it('delta migrations start 09:00–21:00 on weekdays', () => {
    const delta = cal('relokia', 'delta_start');
    expect(delta.isOpen(ms('2025-06-06T20:59:00+03:00'))).toBe(true);
    expect(delta.isOpen(ms('2025-06-06T21:00:00+03:00'))).toBe(false);
    expect(delta.isOpen(ms('2025-06-07T12:00:00+03:00'))).toBe(false);
  });
});

describe('crmonline business hours (Tehran, Iran public holidays)', () => {
  const business = cal('crmonline', 'business');
  it.each([
    ['2021-06-15T08:00:00+04:30', true, 'Tuesday 08:00 under DST (+04:30), before Iran dropped it'],
    ['2021-06-15T07:59:00+04:30', false, 'a minute earlier'],
    ['2023-06-13T08:00:00+03:30', true, 'Tuesday 08:00 without DST (+03:30)'],
    ['2023-06-13T08:00:00+04:30', false, 'the old summer offset is an hour early now'],
    ['2023-06-15T11:59:00+03:30', true, 'Thursday runs to noon'],
    ['2023-06-15T12:00:00+03:30', false, 'Thursday afternoon'],
    ['2023-06-16T10:00:00+03:30', false, 'Friday'],
    ['2023-06-17T10:00:00+03:30', true, 'Saturday'],
    ['2025-03-22T10:00:00+03:30', false, 'Nowruz (2 Farvardin 1404)'],
    ['2025-03-25T10:00:00+03:30', true, 'after Nowruz'],
  ])('open at %s: %s (%s)', (at, open) => {
    expect(business.isOpen(ms(at))).toBe(open);
  });

  it('takes Nowruz, 1–4 Farvardin, from the date-holidays data', () => {
    const nowruz = business
      .holidays(2025)
      .filter((h) => h.name.includes('Nowruz'))
      .map((h) => h.date);
    expect(nowruz).toEqual(['2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24']);
    for (const d of ['2025-03-22', '2025-03-23', '2025-03-24']) expect(business.isBusinessDay(d)).toBe(false);
  });

  it.each([
    ['2025-03-19T14:00:00+03:30', '2025-03-25T09:00:00.000+03:30', 'a holiday, Thursday till noon, Friday, Nowruz'],
    ['2023-06-10T14:00:00+03:30', '2023-06-11T11:00:00.000+03:30', 'Saturday into Sunday'],
    ['2023-06-15T11:00:00+03:30', '2023-06-17T12:00:00.000+03:30', 'Thursday noon, Friday closed'],
    ['2021-06-15T15:00:00+04:30', '2021-06-16T12:00:00.000+04:30', 'under DST'],
  ])('first response 5 business hours after %s is due %s (%s)', (from, due) => {
    expect(fmt(addDuration(ms(from), '5 business hours', { zone: TEHRAN, calendar: business }), TEHRAN)).toBe(due);
  });
});

describe('data2crm business days (Mon–Fri, no holidays)', () => {
  const business = cal('data2crm', 'business');
  it.each([
    ['14 business days', '2024-12-20T09:00:00.000+02:00'],
    ['28 business days', '2025-01-09T09:00:00.000+02:00'],
    ['42 business days', '2025-01-29T09:00:00.000+02:00'],
    ['24 hours (business days)', '2024-12-03T09:00:00.000+02:00'],
  ])('%s after Monday 2024-12-02 09:00 is %s', (duration, due) => {
    expect(fmt(addDuration(ms('2024-12-02T09:00:00+02:00'), duration, { zone: KYIV, calendar: business }), KYIV)).toBe(due);
  });

  it('counts whole business days between instants', () => {
    expect(business.businessDayMsBetween(ms('2024-12-06T12:00:00+02:00'), ms('2024-12-09T12:00:00+02:00'))).toBe(DAY);
  });

  it('states the bound instead of searching for ever', () => {
    const d = diagnosticsOf(() => addDuration(ms('2024-12-02T09:00:00+02:00'), '6000 business days', { zone: KYIV, calendar: business }));
    expect(d[0].code).toBe('SLA4014');
    expect(d[0].message).toMatch(/20 years/);
  });
});
