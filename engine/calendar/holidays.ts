// Holiday rules → the dates they name. Each rule kind enumerates its candidate years around a date
// range; `date-holidays` data is computed lazily per country and year and shared by all calendars.
import type Holidays from 'date-holidays';
import { HOLIDAY_COUNTRIES, holidayData } from './holiday-data.ts';
import type { HolidayRule } from '../ir/schema.ts';
import { civilFromDays, daysFromCivil, daysInMonth, parseDay } from './civil.ts';
import { orthodoxEaster, westernEaster } from './easter.ts';
import { fromJalali, isValidJalali, toJalali, JALALI_MAX_YEAR, JALALI_MIN_YEAR } from './jalali.ts';

export interface Occurrence {
  day: number;
  name: string;
  substitute: boolean;
}

export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
type HolidayType = (typeof HOLIDAY_TYPES)[number];

interface CountryDay {
  day: number;
  name: string;
  type: string;
}

const countries = new Map<string, { hd: Holidays; years: Map<number, CountryDay[]> }>();
const countryCodes = new Set(HOLIDAY_COUNTRIES);

export const isKnownCountry = (code: string): boolean => countryCodes.has(code);

export const knownCountries = (): string[] => [...HOLIDAY_COUNTRIES];

/** Holidays of a country in a Gregorian year, as calendar days (lunar ones carry a start the evening before). */
function countryYear(code: string, year: number): CountryDay[] {
  let c = countries.get(code);
  if (!c) {
    const HolidaysClass = holidayData();
    c = { hd: new HolidaysClass(code, { languages: ['en'] }), years: new Map() };
    countries.set(code, c);
  }
  let list = c.years.get(year);
  if (!list) {
    list = [];
    for (const h of c.hd.getHolidays(year)) {
      const day = parseDay(h.date.slice(0, 10));
      if (day !== undefined) list.push({ day, name: h.name, type: h.type });
    }
    c.years.set(year, list);
  }
  return list;
}

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

export function parseMonthDay(s: string): [number, number] | undefined {
  const m = MONTH_DAY.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Whether "MM-DD" names a day of some Gregorian year (02-29 included). */
export function isValidMonthDay(s: string): boolean {
  const md = parseMonthDay(s);
  return !!md && md[0] >= 1 && md[0] <= 12 && md[1] >= 1 && md[1] <= daysInMonth(2000, md[0]);
}

/** Whether "MM-DD" names a day of some Jalali year (12-30 only in leap years). */
export function isValidJalaliMonthDay(s: string): boolean {
  const md = parseMonthDay(s);
  return !!md && isValidJalali(1403, md[0], md[1]);
}

function validity(rule: HolidayRule): [number, number] {
  const r = rule as { from?: string; until?: string };
  return [r.from ? (parseDay(r.from) ?? -Infinity) : -Infinity, r.until ? (parseDay(r.until) ?? Infinity) : Infinity];
}

/** Dates named by a rule within [fromDay, toDay), respecting its validity range. */
export function ruleOccurrences(rule: HolidayRule, fromDay: number, toDay: number): Occurrence[] {
  const out: Occurrence[] = [];
  const substitute = rule.substitute === true;
  const [vFrom, vUntil] = validity(rule);
  const lo = Math.max(fromDay, vFrom);
  const hi = Math.min(toDay, vUntil + 1);
  const push = (day: number, name: string) => {
    if (day >= lo && day < hi) out.push({ day, name, substitute });
  };
  if (lo >= hi) return out;
  const y0 = civilFromDays(lo)[0];
  const y1 = civilFromDays(hi - 1)[0];
  if ('date' in rule) {
    const [m, d] = parseMonthDay(rule.date) ?? [0, 0];
    for (let y = y0; y <= y1; y++) if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) push(daysFromCivil(y, m, d), rule.name);
  } else if ('easter' in rule) {
    const offset = rule.offset ?? 0;
    const easter = rule.easter === 'orthodox' ? orthodoxEaster : westernEaster;
    const span = Math.ceil(Math.abs(offset) / 365) + 1;
    for (let y = y0 - span; y <= y1 + span; y++) push(easter(y) + offset, rule.name);
  } else if ('jalali' in rule) {
    const [m, d] = parseMonthDay(rule.jalali) ?? [0, 0];
    const j0 = Math.max(JALALI_MIN_YEAR, toJalali(lo)[0]);
    const j1 = Math.min(JALALI_MAX_YEAR, toJalali(hi - 1)[0]);
    for (let jy = j0; jy <= j1; jy++) if (isValidJalali(jy, m, d)) push(fromJalali(jy, m, d), rule.name);
  } else if ('dates' in rule) {
    for (const s of rule.dates) {
      const day = parseDay(s);
      if (day !== undefined) push(day, rule.name);
    }
  } else if ('country' in rule) {
    const types = new Set<string>(rule.types ?? ['public']);
    for (let y = y0; y <= y1; y++) {
      for (const h of countryYear(rule.country, y)) {
        if (types.has(h.type as HolidayType)) push(h.day, rule.name ? `${rule.name}: ${h.name}` : h.name);
      }
    }
  }
  return out;
}
