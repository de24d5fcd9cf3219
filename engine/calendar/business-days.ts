// Which local dates are business days: the weekly set, less holidays (with art. 67-style
// substitution), less extra days off, plus extra working days. Computed a year at a time and cached.
import type { HolidayRule } from '../ir/schema.ts';
import { civilFromDays, daysFromCivil, formatDay, weekdayOf } from './civil.ts';
import { ruleOccurrences } from './holidays.ts';

export interface DayRules {
  /** index 0 = Sunday */
  weekdays: readonly boolean[];
  holidays: readonly HolidayRule[];
  /** inclusive day ranges in which holidays are not days off */
  suspended: readonly (readonly [number, number])[];
  extraOff: ReadonlySet<number>;
  extraWorking: ReadonlySet<number>;
}

export interface DayOff {
  date: string;
  name: string;
}

interface YearData {
  from: number;
  until: number;
  flags: Uint8Array;
  daysOff: DayOff[];
}

export class BusinessDays {
  private readonly years = new Map<number, YearData>();
  private last: YearData | undefined;

  constructor(private readonly rules: DayRules) {}

  isBusinessDay(day: number): boolean {
    let y = this.last;
    if (!y || day < y.from || day >= y.until) {
      y = this.year(civilFromDays(day)[0]);
      this.last = y;
    }
    return y.flags[day - y.from] === 1;
  }

  /** Days off from holiday rules (after substitution) and extra days off, in date order. */
  daysOff(year: number): DayOff[] {
    return this.year(year).daysOff.map((d) => ({ ...d }));
  }

  private suspended(day: number): boolean {
    return this.rules.suspended.some(([a, b]) => day >= a && day <= b);
  }

  /** A day that works unless a holiday closes it. */
  private workingBase(day: number): boolean {
    const r = this.rules;
    return r.extraWorking.has(day) || (r.weekdays[weekdayOf(day)] && !r.extraOff.has(day));
  }

  private year(y: number): YearData {
    const cached = this.years.get(y);
    if (cached) return cached;
    const from = daysFromCivil(y, 1, 1);
    const until = daysFromCivil(y + 1, 1, 1);
    // substitution chains move forward and may cross New Year, so scan from the previous year
    const scanFrom = daysFromCivil(y - 1, 1, 1);

    const byDay = new Map<number, { names: string[]; substitute: boolean }>();
    for (const rule of this.rules.holidays) {
      for (const o of ruleOccurrences(rule, scanFrom, until)) {
        if (this.suspended(o.day)) continue;
        const e = byDay.get(o.day);
        if (e) {
          if (!e.names.includes(o.name)) e.names.push(o.name);
          e.substitute ||= o.substitute;
        } else byDay.set(o.day, { names: [o.name], substitute: o.substitute });
      }
    }
    const holidayDays = [...byDay.keys()].sort((a, b) => a - b);

    // A holiday on a day off makes the next working day that is not already off a day off;
    // processing in date order makes chains (1 May Sat, 2 May Sun → Mon 3, Tue 4).
    const moved = new Map<number, string>();
    for (const day of holidayDays) {
      const h = byDay.get(day)!;
      if (!h.substitute || this.workingBase(day)) continue;
      let d = day + 1;
      while (d < until + 366 && !(this.workingBase(d) && !byDay.has(d) && !moved.has(d))) d++;
      if (!this.suspended(d)) moved.set(d, `${h.names.join(' / ')} (moved from ${formatDay(day)})`);
    }

    const r = this.rules;
    const flags = new Uint8Array(until - from);
    const daysOff: DayOff[] = [];
    for (let d = from; d < until; d++) {
      const working = r.extraWorking.has(d);
      const off = byDay.has(d) || moved.has(d) || r.extraOff.has(d);
      flags[d - from] = working || (r.weekdays[weekdayOf(d)] && !off) ? 1 : 0;
      if (working || !off) continue;
      const names = [...(byDay.get(d)?.names ?? [])];
      const m = moved.get(d);
      if (m) names.push(m);
      if (names.length === 0) names.push('extra day off');
      daysOff.push({ date: formatDay(d), name: names.join(' / ') });
    }
    const data = { from, until, flags, daysOff };
    this.years.set(y, data);
    return data;
  }
}
