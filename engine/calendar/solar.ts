// Calendar arithmetic on local dates: "N days" (same wall time), solar years, and month periods
// (Gregorian or Jalali) for per-month counters and credits.
import { civilFromDays, DAY_MS, daysFromCivil } from './civil.ts';
import { fromJalali, jalaliMonthLength, toJalali } from './jalali.ts';
import { checkInstant, LIMIT_MS, LIMIT_YEARS, outOfRange } from './limits.ts';
import { zoneClock, type ZoneClock } from './zone-clock.ts';

/** The same local wall time `days` calendar days later (23 or 25 elapsed hours across DST). */
export function addWallDays(ms: number, days: number, zone: string): number {
  return wallDaysLater(zoneClock(zone), ms, days);
}

/** addWallDays on a zone's clock already found. */
export function wallDaysLater(zc: ZoneClock, ms: number, days: number): number {
  const off = zc.offsetMs(ms);
  const day = Math.floor((ms + off) / DAY_MS);
  return zc.wallToEpoch(day + days, ms + off - day * DAY_MS, off);
}

/** Same Jalali month and day `years` solar years later, clamped to the month's end, same wall time. */
export function addSolarYears(ms: number, years: number, zone: string): number {
  checkInstant(ms);
  if (!Number.isInteger(years) || Math.abs(years) > LIMIT_YEARS) {
    throw outOfRange(`${years} solar years: a whole number of at most ${LIMIT_YEARS} years is supported`);
  }
  const zc = zoneClock(zone);
  const off = zc.offsetMs(ms);
  const day = Math.floor((ms + off) / DAY_MS);
  const [jy, jm, jd] = toJalali(day);
  const ny = jy + years;
  const target = fromJalali(ny, jm, Math.min(jd, jalaliMonthLength(ny, jm)));
  return zc.wallToEpoch(target, ms + off - day * DAY_MS, off);
}

export type PeriodSystem = 'month' | 'solar_month';

export interface Period {
  from: number;
  until: number;
}

/** The calendar month (Gregorian or Jalali) containing ms, from local midnight to local midnight. */
export function periodContaining(ms: number, zone: string, system: PeriodSystem): Period {
  checkInstant(ms);
  const zc = zoneClock(zone);
  const day = zc.localDay(ms);
  let first: number;
  let next: number;
  if (system === 'solar_month') {
    const [jy, jm] = toJalali(day);
    first = fromJalali(jy, jm, 1);
    next = first + jalaliMonthLength(jy, jm);
  } else {
    const [y, m] = civilFromDays(day);
    first = daysFromCivil(y, m, 1);
    next = m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
  }
  return { from: zc.dayStart(first), until: zc.dayStart(next) };
}

/** The periods overlapping [fromMs, toMs), in order. */
export function periodsBetween(fromMs: number, toMs: number, zone: string, system: PeriodSystem): Period[] {
  checkInstant(fromMs);
  checkInstant(toMs);
  if (toMs <= fromMs) return [];
  if (toMs - fromMs > LIMIT_MS) throw outOfRange(`periods over more than ${LIMIT_YEARS} years`);
  const out: Period[] = [];
  let p = periodContaining(fromMs, zone, system);
  while (p.from < toMs) {
    out.push(p);
    p = periodContaining(p.until, zone, system);
  }
  return out;
}
