// The solar Hijri (Jalali) calendar of Iran, after K. M. Borkowski's algorithm (as in jalaali-js),
// which follows the astronomical calendar for 1–3177 AP. Plain arithmetic, so the runtime needs no
// Intl calendar data; it agrees day by day with ICU's Persian calendar from 1925 to 2123.
import { civilFromDays, daysFromCivil } from './civil.ts';

const BREAKS = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];

export const JALALI_MIN_YEAR = 1;
export const JALALI_MAX_YEAR = 3177;

const div = (a: number, b: number) => Math.trunc(a / b);
const mod = (a: number, b: number) => a - Math.trunc(a / b) * b;

interface YearInfo {
  /** 0 in a leap year */
  leap: number;
  gy: number;
  /** the March day (of gy) of 1 Farvardin */
  march: number;
}

function jalCal(jy: number): YearInfo {
  if (jy < JALALI_MIN_YEAR || jy > JALALI_MAX_YEAR) throw new RangeError(`Jalali year ${jy} is out of range`);
  const gy = jy + 621;
  let leapJ = -14;
  let jp = BREAKS[0];
  let jump = 0;
  for (let i = 1; i < BREAKS.length; i++) {
    const jm = BREAKS[i];
    jump = jm - jp;
    if (jy < jm) break;
    leapJ += div(jump, 33) * 8 + div(mod(jump, 33), 4);
    jp = jm;
  }
  let n = jy - jp;
  leapJ += div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
  if (mod(jump, 33) === 4 && jump - n === 4) leapJ += 1;
  const leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
  const march = 20 + leapJ - leapG;
  if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
  let leap = mod(mod(n + 1, 33) - 1, 4);
  if (leap === -1) leap = 4;
  return { leap, gy, march };
}

export const isJalaliLeapYear = (jy: number) => jalCal(jy).leap === 0;

/** Days in a Jalali month: 31 for months 1–6, 30 for 7–11, Esfand 29 or 30 in a leap year. */
export function jalaliMonthLength(jy: number, jm: number): number {
  if (jm <= 6) return 31;
  if (jm <= 11) return 30;
  return isJalaliLeapYear(jy) ? 30 : 29;
}

/** Day number (days since 1970-01-01) of a Jalali date; the date must be valid. */
export function fromJalali(jy: number, jm: number, jd: number): number {
  const r = jalCal(jy);
  return daysFromCivil(r.gy, 3, r.march) + (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
}

/** [year, month, day] in the Jalali calendar of a day number. */
export function toJalali(day: number): [number, number, number] {
  const gy = civilFromDays(day)[0];
  let jy = gy - 621;
  const r = jalCal(jy);
  let k = day - daysFromCivil(gy, 3, r.march);
  if (k >= 0) {
    if (k <= 185) return [jy, 1 + div(k, 31), mod(k, 31) + 1];
    k -= 186;
  } else {
    jy -= 1;
    k += 179;
    if (r.leap === 1) k += 1;
  }
  return [jy, 7 + div(k, 30), mod(k, 30) + 1];
}

export function isValidJalali(jy: number, jm: number, jd: number): boolean {
  return (
    Number.isInteger(jy) &&
    Number.isInteger(jm) &&
    Number.isInteger(jd) &&
    jy >= JALALI_MIN_YEAR &&
    jy <= JALALI_MAX_YEAR &&
    jm >= 1 &&
    jm <= 12 &&
    jd >= 1 &&
    jd <= jalaliMonthLength(jy, jm)
  );
}
