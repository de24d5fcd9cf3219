// A calendar with a week of the policy's horizon in which it has no working time (every day a
// holiday, a day off, or without hours): a business clock started then waits more than a week.
// (A calendar never open at all is already an error of the checker.)
import { buildCalendars } from '../../calendar/index.ts';
import type { Policy, Weekday } from '../../ir/schema.ts';
import { horizonOf } from '../horizon.ts';
import type { Finding, LintRule } from './lint-rule.ts';

const DAY_MS = 86_400_000;
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Mondays (YYYY-MM-DD) of the horizon's weeks in which `id` has no working time. */
function closedWeeks(p: Policy, id: string, from: string, until: string): string[] {
  const calendar = buildCalendars(p.calendars, p.zone).get(id);
  const hours = p.calendars?.[id]?.hours as Partial<Record<Weekday, string[]>> | undefined;
  if (!calendar) return [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
  const end = Date.parse(`${until}T00:00:00Z`);
  const weeks: string[] = [];
  for (let week = monday; week < end; week += 7 * DAY_MS) {
    const open = [0, 1, 2, 3, 4, 5, 6].some((i) => {
      const day = week + i * DAY_MS;
      // A working day whose weekday has no hours (a working Saturday) keeps the ordinary hours.
      const weekday = WEEKDAYS[new Date(day).getUTCDay()];
      return calendar.isBusinessDay(iso(day)) && (!hours || (hours[weekday]?.length ?? 0) > 0 || !(p.calendars?.[id]?.days ?? []).includes(weekday));
    });
    if (!open) weeks.push(iso(week));
  }
  return weeks;
}

export const calendarNoWorkingTime: LintRule = {
  code: 'SLA6001',
  name: 'calendar-no-working-time',
  severity: 'warning',
  help: 'check the days off and holidays of that week; a business clock started then waits into the next one',
  check(p) {
    const horizon = horizonOf(p);
    if (!horizon) return [];
    const findings: Finding[] = [];
    for (const id of Object.keys(p.calendars ?? {})) {
      const weeks = closedWeeks(p, id, horizon.from, horizon.until);
      if (weeks.length)
        findings.push({
          path: `/calendars/${id}`,
          message: `calendar \`${id}\` has no working time in the week of ${weeks[0]}${weeks.length > 1 ? ` (and ${weeks.length - 1} more weeks)` : ''} between ${horizon.from} and ${horizon.until}`,
        });
    }
    return findings;
  },
};
