// Every clock against the minute-by-minute model (brute-force.ts), over random calendars (zones with
// DST gaps at midnight, half-hour shifts, skipped days; split shifts; holidays; extra days) and the
// bundled vendor calendars, at random instants and durations. Seeded: the same cases run every time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addDuration,
  addSolarYears,
  buildCalendars,
  jalaliMonthLength,
  periodContaining,
  toLuxonZone,
  type BusinessCalendar,
} from '../../engine/calendar/index.ts';
import type { CalendarDecl } from '../../engine/ir/schema.ts';
import * as bf from './brute-force.ts';
import { vendor } from './fixtures.ts';

const SEED = 20_251_108;
const RUNS = 10_000;
const MIN = 60_000;
const DAY = 86_400_000;
const WINDOW_DAYS = 100;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const ZONES = [
  'Europe/Kyiv',
  'Asia/Tehran',
  'America/New_York',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kathmandu',
  'America/Havana',
  'Africa/Casablanca',
  'Pacific/Apia',
  'UTC',
  '+02:00',
  '-03:30',
  '+05:45',
];
// windows placed on known edge cases: a skipped day, Tehran's midnight DST before 2022 and none after,
// Kyiv's spring and autumn changes, Santiago's 24:00 changes, Lord Howe's half-hour DST
const PINNED: [string, number, number][] = [
  ['Pacific/Apia', 2011, 11],
  ['Asia/Tehran', 2021, 9],
  ['Asia/Tehran', 2022, 3],
  ['Asia/Tehran', 2023, 3],
  ['Europe/Kyiv', 2025, 3],
  ['Europe/Kyiv', 2025, 10],
  ['America/Santiago', 2023, 3],
  ['America/Santiago', 2023, 8],
  ['Australia/Lord_Howe', 2024, 9],
  ['America/Havana', 2024, 3],
  ['Africa/Casablanca', 2024, 3],
];

const iso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const boundary = fc.oneof(
  fc.constantFrom(0, 60, 180, 210, 240, 270, 1380, 1410, 1440),
  fc.integer({ min: 0, max: 48 }).map((x) => x * 30),
  fc.integer({ min: 0, max: 1440 }),
);

const specArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  year: fc.integer({ min: 2005, max: 2030 }),
  month: fc.integer({ min: 1, max: 12 }),
  days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  withHours: fc.integer({ min: 0, max: 9 }).map((x) => x < 7),
  bounds: fc.array(fc.array(boundary, { maxLength: 6 }), { minLength: 7, maxLength: 7 }),
  holidays: fc.array(fc.integer({ min: 0, max: WINDOW_DAYS }), { maxLength: 10 }),
  yearly: fc.option(fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })),
  extraOff: fc.array(fc.integer({ min: 0, max: WINDOW_DAYS }), { maxLength: 3 }),
  extraWorking: fc.array(fc.integer({ min: 0, max: WINDOW_DAYS }), { maxLength: 4 }),
});
type RandomSpec = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

interface Entry {
  name: string;
  cal: BusinessCalendar;
  model: bf.Model;
}

function randomEntry(s: RandomSpec, i: number): Entry {
  const start = Date.UTC(s.year, s.month - 1, 1);
  const day0 = start / DAY;
  const hours: Record<string, string[]> = {};
  if (s.withHours) {
    s.days.forEach((wd) => {
      const v = [...new Set(s.bounds[WEEKDAYS.indexOf(wd)])].sort((a, b) => a - b).slice(0, 6);
      if (v.length % 2) v.pop();
      const list: string[] = [];
      for (let k = 0; k < v.length; k += 2) list.push(`${hhmm(v[k])}-${v[k + 1] === 1440 ? '24:00' : hhmm(v[k + 1])}`);
      if (list.length) hours[wd] = list;
    });
    if (Object.keys(hours).length === 0) hours[s.days[0]] = ['09:00-17:00'];
  }
  const holidays = new Set(s.holidays.map((o) => iso(day0 + o)));
  const extraOff = new Set(s.extraOff.map((o) => iso(day0 + o)));
  const extraWorking = new Set(s.extraWorking.map((o) => iso(day0 + o)).filter((d) => !extraOff.has(d)));
  const decl: CalendarDecl = {
    zone: s.zone,
    days: s.days as CalendarDecl['days'],
    ...(s.withHours ? { hours: hours as CalendarDecl['hours'] } : {}),
    holidays: [
      { name: 'listed', dates: [...holidays] },
      ...(s.yearly ? [{ name: 'yearly', date: `${String(s.yearly.m).padStart(2, '0')}-${String(s.yearly.d).padStart(2, '0')}` }] : []),
    ],
    extra_days_off: [...extraOff],
    extra_working_days: [...extraWorking],
  };
  const cal = buildCalendars({ random: decl }, 'UTC').get('random')!;
  const isBusinessDay = (date: string) => {
    if (extraWorking.has(date)) return true;
    const wd = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
    const yearly = s.yearly && Number(date.slice(5, 7)) === s.yearly.m && Number(date.slice(8, 10)) === s.yearly.d;
    return s.days.includes(wd) && !holidays.has(date) && !extraOff.has(date) && !yearly;
  };
  const model = bf.buildModel({
    zone: s.zone,
    start,
    minutes: WINDOW_DAYS * 1440,
    isBusinessDay,
    days: s.days,
    ...(s.withHours ? { hours } : {}),
    extraWorking,
  });
  return { name: `random #${i} ${s.zone} ${s.year}-${s.month} ${JSON.stringify(decl)}`, cal, model };
}

function vendorEntry(policy: Parameters<typeof vendor>[0], id: string, from: string): Entry {
  const v = vendor(policy);
  const cal = v.calendars.get(id)!;
  const decl = v.decls[id];
  const days = decl.days ?? (decl.base ? v.decls[decl.base].days : undefined) ?? ['mon', 'tue', 'wed', 'thu', 'fri'];
  const model = bf.buildModel({
    zone: cal.zone,
    start: Date.parse(`${from}T00:00:00Z`),
    minutes: WINDOW_DAYS * 1440,
    isBusinessDay: (d) => cal.isBusinessDay(d),
    days,
    ...(decl.hours ? { hours: decl.hours as Record<string, string[]> } : {}),
  });
  return { name: `${policy}/${id} from ${from}`, cal, model };
}

const randomSpecs = fc.sample(specArb, { seed: SEED, numRuns: 30 });
PINNED.forEach(([zone, year, month], i) => Object.assign(randomSpecs[i], { zone, year, month }));
const pool: Entry[] = [
  ...randomSpecs.map(randomEntry),
  vendorEntry('cart2cart', 'business', '2021-03-20'),
  vendorEntry('cart2cart', 'business', '2019-07-01'),
  vendorEntry('cart2cart', 'business', '2021-12-01'),
  vendorEntry('cart2cart', 'technical_support', '2021-03-20'),
  vendorEntry('cart2cart', 'technical_support', '2020-10-10'),
  vendorEntry('relokia', 'premium_support', '2025-03-01'),
  vendorEntry('relokia', 'support_center', '2025-09-20'),
  vendorEntry('relokia', 'standard_support', '2025-03-01'),
  vendorEntry('crmonline', 'business', '2021-02-20'),
  vendorEntry('crmonline', 'business', '2022-08-25'),
  vendorEntry('crmonline', 'business', '2025-02-20'),
  vendorEntry('data2crm', 'business', '2024-10-01'),
];

const instantIn = (m: bf.Model, a: number, within: number, ms: number) => m.start + (a % Math.floor(((m.end - m.start) / MIN) * within)) * MIN + ms;
const msArb = fc.oneof(fc.constant(0), fc.constant(59_999), fc.integer({ min: 0, max: 59_999 }));
const caseArb = fc.record({ k: fc.nat({ max: pool.length - 1 }), a: fc.nat(), ams: msArb, b: fc.nat(), bms: msArb });
const opts = { seed: SEED, numRuns: RUNS };
const at = (e: Entry, t: number) => `${e.name} at ${new Date(t).toISOString()}`;

describe(`every clock agrees with the minute-by-minute model (${pool.length} calendars, ${RUNS} cases per clock)`, () => {
  it('isOpen', () => {
    fc.assert(
      fc.property(caseArb, ({ k, a, ams }) => {
        const e = pool[k];
        const t = instantIn(e.model, a, 1, ams);
        expect(e.cal.isOpen(t), at(e, t)).toBe(bf.isOpen(e.model.hours, e.model, t));
      }),
      opts,
    );
  });

  it('nextOpen', () => {
    fc.assert(
      fc.property(caseArb, ({ k, a, ams }) => {
        const e = pool[k];
        const t = instantIn(e.model, a, 1, ams);
        const want = bf.nextOpen(e.model.hours, e.model, t);
        fc.pre(want !== undefined);
        expect(e.cal.nextOpen(t), at(e, t)).toBe(want);
      }),
      opts,
    );
  });

  it('nextClose', () => {
    fc.assert(
      fc.property(caseArb, ({ k, a, ams }) => {
        const e = pool[k];
        const t = instantIn(e.model, a, 1, ams);
        const want = bf.nextClose(e.model.hours, e.model, t);
        fc.pre(want !== undefined);
        expect(e.cal.nextClose(t), at(e, t)).toBe(want);
      }),
      opts,
    );
  });

  it('workingMsBetween (either order)', () => {
    fc.assert(
      fc.property(caseArb, ({ k, a, ams, b, bms }) => {
        const e = pool[k];
        const [t, u] = [instantIn(e.model, a, 1, ams), instantIn(e.model, b, 1, bms)];
        const want = bf.openBefore(e.model.hours, e.model, u) - bf.openBefore(e.model.hours, e.model, t);
        expect(e.cal.workingMsBetween(t, u), at(e, t)).toBe(want);
      }),
      opts,
    );
  });

  it('businessDayMsBetween', () => {
    fc.assert(
      fc.property(caseArb, ({ k, a, ams, b, bms }) => {
        const e = pool[k];
        const [t, u] = [instantIn(e.model, a, 1, ams), instantIn(e.model, b, 1, bms)];
        const want = bf.openBefore(e.model.days, e.model, u) - bf.openBefore(e.model.days, e.model, t);
        expect(e.cal.businessDayMsBetween(t, u), at(e, t)).toBe(want);
      }),
      opts,
    );
  });

  it('addWorkingMs ("N business hours")', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 1_000_000 }), ({ k, a, ams }, f) => {
        const e = pool[k];
        const t = instantIn(e.model, a, 0.6, ams);
        const left = bf.openBefore(e.model.hours, e.model, e.model.end - 1) - bf.openBefore(e.model.hours, e.model, t);
        // moderate durations: whole hours or minutes most of the time, any ms otherwise
        const raw = Math.floor((left * f) / 1_000_000);
        const d = f % 3 === 0 ? raw : f % 3 === 1 ? raw - (raw % 3_600_000) : raw - (raw % MIN);
        const want = bf.add(e.model.hours, e.model, t, d);
        fc.pre(want !== undefined);
        expect(e.cal.addWorkingMs(t, d), `${at(e, t)} + ${d} ms`).toBe(want);
      }),
      opts,
    );
  });

  it('addBusinessDayMs ("N business days", "N hours (business days)")', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 40 * 24 }), fc.boolean(), ({ k, a, ams }, h, wholeDays) => {
        const e = pool[k];
        const t = instantIn(e.model, a, 0.5, ams);
        const d = wholeDays ? Math.floor(h / 24) * DAY : h * 3_600_000;
        const want = bf.add(e.model.days, e.model, t, d);
        fc.pre(want !== undefined);
        expect(e.cal.addBusinessDayMs(t, d), `${at(e, t)} + ${d} ms`).toBe(want);
      }),
      opts,
    );
  });
});

describe(`wall-clock durations (${RUNS} cases each)`, () => {
  const instant = fc
    .integer({ min: Date.UTC(2000, 0, 1) / MIN, max: Date.UTC(2035, 0, 1) / MIN })
    .chain((m) => fc.integer({ min: 0, max: 59_999 }).map((ms) => m * MIN + ms));

  it('"N days" and "N weeks" keep the wall time, as luxon does', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 800 }), fc.boolean(), (t, zone, n, weeks) => {
        const unit = weeks ? 'weeks' : 'days';
        const amount = weeks ? Math.floor(n / 7) : n;
        const want = DateTime.fromMillis(t, { zone: toLuxonZone(zone) })
          .plus({ days: weeks ? amount * 7 : amount })
          .toMillis();
        expect(addDuration(t, `${amount} ${unit}`, { zone }), `${new Date(t).toISOString()} + ${amount} ${unit} in ${zone}`).toBe(want);
      }),
      opts,
    );
  });

  it('a month runs from the first instant of its first local day to that of the next month', () => {
    // luxon gives local midnight; where that wall time occurs twice (Havana falls back at 01:00 to
    // 00:00) the day began an hour earlier: the first instant on that local date, searched on the
    // quarter-hour grid every offset change in these years keeps to
    const firstInstantOf = (day: DateTime) => {
      const date = day.toISODate();
      let x = day.toMillis() - 3 * 3_600_000;
      while (DateTime.fromMillis(x, { zone: day.zone }).toISODate() !== date) x += 15 * MIN;
      return x;
    };
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (t, zone) => {
        const first = DateTime.fromMillis(t, { zone: toLuxonZone(zone) }).startOf('month');
        const want = { from: firstInstantOf(first), until: firstInstantOf(first.plus({ months: 1 }).startOf('month')) };
        expect(periodContaining(t, zone, 'month'), `${new Date(t).toISOString()} in ${zone}`).toEqual(want);
      }),
      { ...opts, numRuns: 2000 },
    );
  });

  it('"N solar years" keeps the Jalali month, clamps the day, keeps the wall time', () => {
    // Jalali dates from ICU's Persian calendar (cached per day), wall times from luxon
    const persian = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
    const jalaliCache = new Map<number, number[]>();
    const jalaliOf = (isoDate: string) => {
      const day = Date.parse(`${isoDate}T00:00:00Z`);
      let j = jalaliCache.get(day);
      if (!j) {
        const p = persian.formatToParts(day);
        j = ['year', 'month', 'day'].map((ty) => Number(p.find((x) => x.type === ty)!.value));
        jalaliCache.set(day, j);
      }
      return j;
    };
    const local = (t: number) => {
      const d = DateTime.fromMillis(t, { zone: 'Asia/Tehran' });
      const [y, m, dd] = jalaliOf(d.toISODate()!);
      return { y, m, d: dd, h: d.hour, rest: d.toFormat('mm:ss.SSS') };
    };
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 20 }), (t, n) => {
        const [a, b] = [local(t), local(addSolarYears(t, n, 'Asia/Tehran'))];
        expect(b.y).toBe(a.y + n);
        expect(b.m).toBe(a.m);
        expect(b.d).toBe(Math.min(a.d, jalaliMonthLength(a.y + n, a.m)));
        expect(b.rest).toBe(a.rest);
        // Tehran's DST began at midnight: 00:xx on such a day becomes 01:xx
        if (b.h !== a.h) expect([a.h, b.h]).toEqual([0, 1]);
      }),
      opts,
    );
  });
});
