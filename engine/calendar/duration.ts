// Duration strings as the documents say them, and adding them to an instant on the right clock.
import { DURATION_PATTERN } from '../ir/schema.ts';
import { durationNeedsCalendar, invalidDuration, partSolarYear, SlaError } from '../diagnostics/index.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './civil.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { checkInstant, checkSpan, LIMIT_MS } from './limits.ts';
import { addSolarYears, wallDaysLater } from './solar.ts';
import { zoneClock } from './zone-clock.ts';

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'business_days' | 'business_day_hours' | 'business_hours' | 'solar_years';

export interface ParsedDuration {
  amount: number;
  unit: DurationUnit;
}

const UNITS: Record<string, DurationUnit> = {
  minute: 'minutes',
  minutes: 'minutes',
  hour: 'hours',
  hours: 'hours',
  day: 'days',
  days: 'days',
  week: 'weeks',
  weeks: 'weeks',
  'business day': 'business_days',
  'business days': 'business_days',
  'hours (business days)': 'business_day_hours',
  'business hour': 'business_hours',
  'business hours': 'business_hours',
  'solar year': 'solar_years',
  'solar years': 'solar_years',
};

const PATTERN = new RegExp(DURATION_PATTERN);

// A policy names a handful of durations and asks for them on every evaluation: each text is
// parsed once. Bounded, since the texts may also come from callers.
const parsed = new Map<string, Readonly<ParsedDuration> | undefined>();
const MAX_PARSED = 1024;

export function parseDuration(s: string): Readonly<ParsedDuration> | undefined {
  if (typeof s !== 'string') return undefined;
  const known = parsed.get(s);
  if (known !== undefined || parsed.has(s)) return known;
  const m = PATTERN.exec(s);
  const p = m ? Object.freeze({ amount: Number(m[1]), unit: UNITS[m[3]] }) : undefined;
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(s, p);
  return p;
}

const NOMINAL_MS: Record<DurationUnit, number> = {
  minutes: MINUTE_MS,
  hours: HOUR_MS,
  days: DAY_MS,
  weeks: 7 * DAY_MS,
  business_days: DAY_MS,
  business_day_hours: HOUR_MS,
  business_hours: HOUR_MS,
  solar_years: 365 * DAY_MS,
};

/** The span a duration's clock must run (business units count their own hours), as addDuration
 *  bounds it; a solar year at its shortest. */
export const nominalMs = ({ amount, unit }: ParsedDuration) => amount * NOMINAL_MS[unit];

/** Whether a unit runs on a business calendar. */
export const isBusinessUnit = (u: DurationUnit) => u === 'business_days' || u === 'business_day_hours' || u === 'business_hours';

function span(ms: number, duration: string): number {
  // the check's words only when it fails
  if (!(ms >= 0 && ms <= LIMIT_MS)) checkSpan(ms, `"${duration}"`);
  return Math.round(ms);
}

/**
 * ms plus a duration: minutes and hours elapse; days and weeks keep the wall time in `zone` (a
 * fraction of a day is elapsed time after the whole days); business units run on the calendar's
 * clocks; solar years keep the Jalali month and day. Throws SLA3015 for an invalid duration, SLA3034
 * for a business unit without a calendar, SLA4014 past about 20 years.
 */
export function addDuration(ms: number, duration: string, opts: { zone: string; calendar?: BusinessCalendar }): number {
  return addDurationIn(ms, duration, opts.zone, opts.calendar);
}

/** addDuration, its zone and calendar passed as they are (asked per deadline instance, without an options object each). */
export function addDurationIn(ms: number, duration: string, zone: string, calendar: BusinessCalendar | undefined): number {
  const p = parseDuration(duration);
  if (!p) {
    throw new SlaError([
      invalidDuration(
        duration,
        undefined,
        'e.g. "24 hours", "3 days", "2 weeks", "14 business days", "24 hours (business days)", "5 business hours", "1 solar year"',
      ),
    ]);
  }
  checkInstant(ms);
  const clock = zoneClock(zone); // validates the zone
  const { amount, unit } = p;
  if (isBusinessUnit(unit) && !calendar) {
    throw new SlaError([durationNeedsCalendar(duration)]);
  }
  switch (unit) {
    case 'minutes':
      return ms + span(amount * MINUTE_MS, duration);
    case 'hours':
      return ms + span(amount * HOUR_MS, duration);
    case 'days':
    case 'weeks': {
      const days = unit === 'weeks' ? amount * 7 : amount;
      span(days * DAY_MS, duration);
      const whole = Math.floor(days);
      return wallDaysLater(clock, ms, whole) + Math.round((days - whole) * DAY_MS);
    }
    case 'business_days':
      return calendar!.addBusinessDayMs(ms, span(amount * DAY_MS, duration));
    case 'business_day_hours':
      return calendar!.addBusinessDayMs(ms, span(amount * HOUR_MS, duration));
    case 'business_hours':
      return calendar!.addWorkingMs(ms, span(amount * HOUR_MS, duration));
    case 'solar_years':
      if (!Number.isInteger(amount)) {
        throw new SlaError([partSolarYear(duration)]);
      }
      return addSolarYears(ms, amount, zone);
  }
}
