// A business calendar: business days (BusinessDays) and weekly working hours in one zone, with two
// clocks: working hours, and whole business days (00:00–24:00 local).
import { notADate, SlaError } from '../diagnostics/index.ts';
import { parseDay, weekdayOf } from './civil.ts';
import type { BusinessDays, DayOff, DayRules } from './business-days.ts';
import { IntervalClock } from './interval-clock.ts';
import { outOfRange } from './limits.ts';
import { CLOSED, FULL_DAY, type Windows } from './week-hours.ts';
import type { ZoneClock } from './zone-clock.ts';

export interface BusinessCalendar {
  readonly id: string;
  /** as declared ("Europe/Kyiv" or "+02:00") */
  readonly zone: string;
  /** 'YYYY-MM-DD' in the calendar's zone */
  isBusinessDay(isoDate: string): boolean;
  /** inside working hours (on a business day) */
  isOpen(ms: number): boolean;
  /** ms itself if open */
  nextOpen(ms: number): number;
  /** the end of the working interval containing ms, or of the next one */
  nextClose(ms: number): number;
  /** working-hours time in [fromMs, toMs); negative if toMs < fromMs */
  workingMsBetween(fromMs: number, toMs: number): number;
  /** "N business hours": the instant the working-hours clock has run durationMs */
  addWorkingMs(ms: number, durationMs: number): number;
  /** "N business days" = N × 24 h of the whole-day business-day clock; "N hours (business days)" */
  addBusinessDayMs(ms: number, durationMs: number): number;
  /** business-day time (whole business days, 00:00–24:00 local) in [fromMs, toMs) */
  businessDayMsBetween(fromMs: number, toMs: number): number;
  /** days off from holiday rules (after substitution) and extra days off, for display */
  holidays(year: number): { date: string; name: string }[];
}

export class Calendar implements BusinessCalendar {
  private readonly working: IntervalClock;
  private readonly whole: IntervalClock;

  constructor(
    readonly id: string,
    readonly zone: string,
    clock: ZoneClock,
    private readonly days: BusinessDays,
    rules: DayRules,
    /** index 0 = Sunday */
    week: readonly Windows[],
  ) {
    // An announced working day on a weekday without hours (a working Saturday) keeps the ordinary
    // schedule: the hours of the first business weekday that has any.
    const ordinary = week.find((w, i) => rules.weekdays[i] && w.length > 0) ?? CLOSED;
    const hoursOf = (day: number): Windows => {
      if (!days.isBusinessDay(day)) return CLOSED;
      const w = week[weekdayOf(day)];
      return w.length === 0 && rules.extraWorking.has(day) && !rules.weekdays[weekdayOf(day)] ? ordinary : w;
    };
    this.working = new IntervalClock(clock, hoursOf, `calendar "${id}" (working hours)`);
    this.whole = new IntervalClock(clock, (day) => (days.isBusinessDay(day) ? FULL_DAY : CLOSED), `calendar "${id}" (business days)`);
  }

  isBusinessDay(isoDate: string): boolean {
    const day = parseDay(isoDate);
    if (day === undefined) throw new SlaError([notADate(isoDate)]);
    return this.days.isBusinessDay(day);
  }

  isOpen(ms: number): boolean {
    return this.working.isOpen(ms);
  }

  nextOpen(ms: number): number {
    return this.working.nextOpen(ms);
  }

  nextClose(ms: number): number {
    return this.working.nextClose(ms);
  }

  workingMsBetween(fromMs: number, toMs: number): number {
    return this.working.between(fromMs, toMs);
  }

  addWorkingMs(ms: number, durationMs: number): number {
    return this.working.add(ms, durationMs);
  }

  addBusinessDayMs(ms: number, durationMs: number): number {
    return this.whole.add(ms, durationMs);
  }

  businessDayMsBetween(fromMs: number, toMs: number): number {
    return this.whole.between(fromMs, toMs);
  }

  holidays(year: number): DayOff[] {
    if (!Number.isInteger(year) || year < 1900 || year >= 2200) throw outOfRange(`year ${year} is outside the supported range`, 'years 1900–2199');
    return this.days.daysOff(year);
  }
}
