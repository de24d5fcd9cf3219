// Easter Sunday, Western (Gregorian computus) and Orthodox (Julian computus, shown as a Gregorian date).
import { daysFromCivil } from './civil.ts';

/** Day number of Western Easter Sunday (anonymous Gregorian algorithm). */
export function westernEaster(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(y, month, day);
}

/** Day number of Orthodox Easter Sunday (Meeus' Julian algorithm, then Julian → Gregorian). */
export function orthodoxEaster(y: number): number {
  const a = y % 4;
  const b = y % 7;
  const c = y % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // a Julian date is a day number of the proleptic Gregorian one shifted by the centuries' drift
  const drift = Math.floor(y / 100) - Math.floor(y / 400) - 2;
  return daysFromCivil(y, month, day) + drift;
}
