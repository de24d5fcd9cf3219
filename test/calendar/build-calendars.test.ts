// Declarations → calendars: derived calendars, holiday rules, and the diagnostics for mistakes.
import { describe, expect, it } from 'vitest';
import { buildCalendars } from '../../engine/calendar/index.ts';
import type { CalendarDecl } from '../../engine/ir/schema.ts';
import { diagnosticsOf, fmt, ms } from './helpers.ts';

const build = (decls: Record<string, unknown>, zone = 'Europe/Kyiv') => buildCalendars(decls as Record<string, CalendarDecl>, zone);
const one = (decl: unknown, zone = 'Europe/Kyiv') => build({ c: decl }, zone).get('c')!;

describe('calendars', () => {
  it('default to Monday–Friday, open all day, in the policy zone', () => {
    const c = one({});
    expect(c.zone).toBe('Europe/Kyiv');
    expect(c.isOpen(ms('2025-06-06T23:59:00+03:00'))).toBe(true);
    expect(c.isOpen(ms('2025-06-07T00:00:00+03:00'))).toBe(false);
    expect(buildCalendars(undefined, 'Europe/Kyiv').size).toBe(0);
  });

  it('chain substitutions across New Year (31 Dec Saturday, 1 Jan Sunday)', () => {
    const c = one({
      holidays: [
        { name: 'Eve', date: '12-31', substitute: true },
        { name: 'New Year', date: '01-01', substitute: true },
      ],
    });
    expect(c.isBusinessDay('2023-01-02')).toBe(false);
    expect(c.isBusinessDay('2023-01-03')).toBe(false);
    expect(c.isBusinessDay('2023-01-04')).toBe(true);
    expect(c.holidays(2023).map((h) => h.date)).toEqual(['2023-01-01', '2023-01-02', '2023-01-03', '2023-12-31']);
  });

  it('do not substitute without `substitute: true`, and honour validity ranges', () => {
    const c = one({ holidays: [{ name: 'Day', date: '08-24', from: '2019-01-01', until: '2020-12-31' }] });
    expect(c.isBusinessDay('2019-08-26')).toBe(true);
    expect(c.isBusinessDay('2020-08-24')).toBe(false);
    expect(c.isBusinessDay('2021-08-24')).toBe(true);
  });

  it('take Western and Orthodox Easter with offsets, and Jalali dates', () => {
    const c = one({
      days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
      holidays: [
        { name: 'Good Friday', easter: 'western', offset: -2 },
        { name: 'Orthodox Easter Monday', easter: 'orthodox', offset: 1 },
        { name: 'Nowruz', jalali: '01-01' },
        { name: 'Nowruz 4', jalali: '01-04' },
        { name: 'Leap day', jalali: '12-30' },
      ],
    });
    expect(c.holidays(2025).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2025-03-20 Leap day',
      '2025-03-21 Nowruz',
      '2025-03-24 Nowruz 4',
      '2025-04-18 Good Friday',
      '2025-04-21 Orthodox Easter Monday',
    ]);
    expect(c.holidays(2024).map((h) => h.date)).toEqual(['2024-03-20', '2024-03-23', '2024-03-29', '2024-05-06']);
  });

  it('agree with date-holidays on Nowruz (1–4 Farvardin) for twenty years', () => {
    const rules = build(
      {
        jalali: { holidays: [1, 2, 3, 4].map((d) => ({ name: 'Nowruz', jalali: `01-0${d}` })) },
        data: { holidays: [{ country: 'IR', types: ['public'] }] },
      },
      'Asia/Tehran',
    );
    for (let y = 2015; y < 2035; y++) {
      const fromRules = rules
        .get('jalali')!
        .holidays(y)
        .map((h) => h.date);
      const fromData = rules
        .get('data')!
        .holidays(y)
        .filter((h) => h.name.includes('Nowruz'))
        .map((h) => h.date);
      expect(fromData, String(y)).toEqual(fromRules);
    }
  });

  it('apply extra days off and announced working days (a working Saturday keeps the weekday schedule)', () => {
    const c = one({
      hours: { mon: ['09:00-18:00'], tue: ['09:00-18:00'], wed: ['09:00-18:00'], thu: ['09:00-18:00'], fri: ['09:00-18:00'] },
      extra_days_off: ['2021-01-08'],
      extra_working_days: ['2021-01-16'],
    });
    expect(c.isBusinessDay('2021-01-08')).toBe(false);
    expect(c.isBusinessDay('2021-01-16')).toBe(true);
    expect(c.isOpen(ms('2021-01-16T10:00:00+02:00'))).toBe(true);
    expect(c.isOpen(ms('2021-01-16T18:00:00+02:00'))).toBe(false);
    expect(c.holidays(2021)).toEqual([{ date: '2021-01-08', name: 'extra day off' }]);
  });

  it('derive hours from a base calendar, looking business days up by their own local date', () => {
    const cals = build({
      business: { holidays: [{ name: 'Day off', dates: ['2021-06-15'] }] },
      remote: { base: 'business', zone: '-10:00' },
      night: { base: 'business', hours: { mon: ['20:00-24:00'], tue: ['20:00-24:00'] } },
      tehran: { zone: 'Asia/Tehran' },
      inherits: { base: 'tehran' },
    });
    const t = ms('2021-06-16T05:00:00+03:00'); // 16 June in Kyiv, still 15 June at -10:00
    expect(cals.get('business')!.isOpen(t)).toBe(true);
    expect(cals.get('remote')!.isOpen(t)).toBe(false);
    expect(fmt(cals.get('remote')!.nextOpen(t), '-10:00')).toBe('2021-06-16T00:00:00.000-10:00');
    expect(cals.get('night')!.isOpen(ms('2021-06-14T21:00:00+03:00'))).toBe(true);
    expect(cals.get('night')!.isOpen(ms('2021-06-15T21:00:00+03:00'))).toBe(false);
    expect(cals.get('inherits')!.zone).toBe('Asia/Tehran');
  });

  it('reject a malformed date with SLA4003', () => {
    expect(diagnosticsOf(() => one({}).isBusinessDay('2021-02-30'))[0].code).toBe('SLA4003');
  });
});

describe('diagnostics', () => {
  it('point at the holiday field that is wrong', () => {
    const d = diagnosticsOf(() =>
      build({
        business: {
          holidays: [
            { name: 'New Year', date: '01-01' },
            { name: 'Christmas', date: '01-07' },
            { name: 'Bad', date: '02-30' },
            { name: 'Bad Jalali', jalali: '07-31' },
            { country: 'XY' },
            { country: 'IR', types: ['publc'] },
            { name: 'Range', date: '05-01', from: '2021-01-01', until: '2020-01-01' },
            { name: 'Listed', dates: ['2021-13-01'] },
            { name: 'Both', date: '01-01', easter: 'western' },
          ],
        },
      }),
    );
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['SLA3012', '/calendars/business/holidays/2/date'],
      ['SLA3012', '/calendars/business/holidays/3/jalali'],
      ['SLA3040', '/calendars/business/holidays/4/country'],
      ['SLA3039', '/calendars/business/holidays/5/types/0'],
      ['SLA3042', '/calendars/business/holidays/6/until'],
      ['SLA3012', '/calendars/business/holidays/7/dates/0'],
      ['SLA3039', '/calendars/business/holidays/8'],
    ]);
    expect(d[3].help).toContain('public');
  });

  it('reject zones written as abbreviations or GMT offsets, with a suggestion', () => {
    const d = diagnosticsOf(() => build({ support: { zone: 'GMT+2' }, us: { zone: 'EST' } }));
    expect(d[0]).toMatchObject({ code: 'SLA3007', path: '/calendars/support/zone' });
    expect(d[0].help).toContain('"+02:00"');
    expect(d[1].help).toContain('America/New_York');
    const p = diagnosticsOf(() => build({ c: {} }, 'Europe/Kiyv'));
    expect(p[0]).toMatchObject({ code: 'SLA3007', path: '/zone' });
  });

  it('report unknown and cyclic bases', () => {
    const d = diagnosticsOf(() => build({ business: {}, support: { base: 'busines' }, a: { base: 'b' }, b: { base: 'a' } }));
    expect(d[0]).toMatchObject({ code: 'SLA3008', path: '/calendars/support/base' });
    expect(d[0].help).toContain('business');
    expect(d[1]).toMatchObject({ code: 'SLA3043', path: '/calendars/a/base' });
    expect(d[1].message).toContain('cycle');
  });

  it('check working hours', () => {
    const d = diagnosticsOf(() =>
      build({
        c: { days: ['mon', 'tue'], hours: { mon: ['19:00-11:00', '09:00-12:00', '11:00-13:00'], tue: ['9:00-17:00'], sat: ['10:00-12:00'] } },
        never: { days: ['sat'], hours: { sat: [] } },
        dup: { extra_days_off: ['2021-01-08'], extra_working_days: ['2021-01-08'], days: ['mon', 'funday'] },
      }),
    );
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['SLA3041', '/calendars/c/hours/mon/0'],
      ['SLA3041', '/calendars/c/hours/mon/2'],
      ['SLA3041', '/calendars/c/hours/tue/0'],
      ['SLA3041', '/calendars/dup/days/1'],
      ['SLA3042', '/calendars/dup/extra_working_days/0'],
      ['SLA3041', '/calendars/c/hours/sat'],
      ['SLA3042', '/calendars/never/hours'],
    ]);
    expect(d[0].help).toContain('cannot cross midnight');
  });
});
