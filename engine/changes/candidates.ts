// Instants at which an answer can change that do not show in any answer: the case's events,
// the opening and closing of working hours, and midnights (where days, weeks and months end).
import type { BusinessCalendar } from '../calendar/index.ts';
import { zoneClock } from '../calendar/zone-clock.ts';

/** Hard stop for a window so long that walking it would not end in reasonable time. */
const MAX_STEPS = 100_000;

export function calendarBoundaries(calendar: BusinessCalendar, fromMs: number, untilMs: number): number[] {
  const out: number[] = [];
  let t = fromMs;
  for (let i = 0; i < MAX_STEPS && t <= untilMs; i++) {
    const next = calendar.isOpen(t) ? calendar.nextClose(t) : calendar.nextOpen(t);
    if (!(next > t)) break;
    out.push(next);
    t = next;
  }
  return out;
}

export function midnights(zone: string, fromMs: number, untilMs: number): number[] {
  const clock = zoneClock(zone);
  const out: number[] = [];
  for (let day = clock.localDay(fromMs) + 1, i = 0; i < MAX_STEPS; day++, i++) {
    const t = clock.dayStart(day);
    if (t > untilMs) break;
    out.push(t);
  }
  return out;
}
