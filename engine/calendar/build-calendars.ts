// Calendar declarations → BusinessCalendar objects, after checking every field the schema cannot
// (dates that exist, ranges in order, known countries, bases that resolve without cycles).
import type { CalendarDecl, HolidayRule } from '../ir/schema.ts';
import {
  calendarCycle,
  contradictoryCalendar,
  invalidCalendarDate,
  invalidHolidayRule,
  invalidWeek,
  invalidZone,
  nearest,
  notAWeekday,
  quoteName,
  SlaError,
  unknownHolidayCountry,
  unknownHolidayType,
  unknownReference,
  type Diagnostic,
} from '../diagnostics/index.ts';
import { civilFromDays, daysFromCivil, parseDay, weekdayOf, WEEKDAY_NAMES } from './civil.ts';
import { BusinessDays, type DayRules } from './business-days.ts';
import { Calendar, type BusinessCalendar } from './business-calendar.ts';
import { HOLIDAY_TYPES, isKnownCountry, isValidJalaliMonthDay, isValidMonthDay, knownCountries } from './holidays.ts';
import { parseWeekHours } from './week-hours.ts';
import { zoneClock } from './zone-clock.ts';
import { zoneProblem } from './zone.ts';
import { pointerPart } from '../ir/json-pointer.ts';

const ptr = (...parts: (string | number)[]) => parts.map((p) => `/${pointerPart(p)}`).join('');

const DEFAULT_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
const RULE_KINDS = ['date', 'easter', 'jalali', 'dates', 'country'] as const;

function checkDate(value: unknown, path: string, out: Diagnostic[]): number | undefined {
  const day = typeof value === 'string' ? parseDay(value) : undefined;
  if (day === undefined) out.push(invalidCalendarDate(value, 'date', path, 'write YYYY-MM-DD, a day that exists'));
  return day;
}

function checkRange(obj: { from?: string; until?: string }, path: string, out: Diagnostic[]): void {
  const a = obj.from === undefined ? undefined : checkDate(obj.from, `${path}/from`, out);
  const b = obj.until === undefined ? undefined : checkDate(obj.until, `${path}/until`, out);
  if (a !== undefined && b !== undefined && b < a) {
    out.push(contradictoryCalendar(`until ${obj.until} is before from ${obj.from}`, `${path}/until`));
  }
}

function checkHoliday(rule: HolidayRule, path: string, out: Diagnostic[]): void {
  const r = rule as Record<string, unknown>;
  const kinds = RULE_KINDS.filter((k) => k in r);
  if (kinds.length !== 1) {
    out.push(
      invalidHolidayRule(
        kinds.length ? `a holiday rule has one of ${kinds.join(', ')}, not several` : 'a holiday rule needs a date',
        path,
        'give one of date (MM-DD), easter, jalali (MM-DD), dates (a list) or country',
      ),
    );
    return;
  }
  const kind = kinds[0];
  if (kind !== 'country' && (typeof r.name !== 'string' || r.name === '')) {
    out.push(invalidHolidayRule('a holiday needs a name', `${path}/name`));
  }
  if (r.substitute !== undefined && typeof r.substitute !== 'boolean') {
    out.push(invalidHolidayRule('substitute is true or false', `${path}/substitute`));
  }
  if (kind !== 'dates') checkRange(r as { from?: string; until?: string }, path, out);
  switch (kind) {
    case 'date':
      if (typeof r.date !== 'string' || !isValidMonthDay(r.date)) {
        out.push(invalidCalendarDate(r.date, 'month and day', `${path}/date`, 'write MM-DD, e.g. 01-07'));
      }
      break;
    case 'jalali':
      if (typeof r.jalali !== 'string' || !isValidJalaliMonthDay(r.jalali)) {
        out.push(
          invalidCalendarDate(
            r.jalali,
            'Jalali month and day',
            `${path}/jalali`,
            'write MM-DD: months 01–06 have 31 days, 07–11 have 30, Esfand (12) 29 or 30',
          ),
        );
      }
      break;
    case 'easter':
      if (r.easter !== 'orthodox' && r.easter !== 'western') {
        out.push(invalidHolidayRule(`easter is \`orthodox\` or \`western\`, not \`${String(r.easter)}\``, `${path}/easter`));
      }
      if (r.offset !== undefined && !(Number.isInteger(r.offset) && Math.abs(r.offset as number) <= 366)) {
        out.push(invalidHolidayRule('offset is a whole number of days (at most 366 either way)', `${path}/offset`));
      }
      break;
    case 'dates':
      if (!Array.isArray(r.dates)) out.push(invalidCalendarDate(r.dates, 'list of dates', `${path}/dates`));
      else r.dates.forEach((d, i) => checkDate(d, `${path}/dates/${i}`, out));
      break;
    case 'country': {
      const c = r.country;
      if (typeof c !== 'string' || !isKnownCountry(c)) {
        const near = typeof c === 'string' ? nearest(c, knownCountries()) : undefined;
        out.push(unknownHolidayCountry(c, near, `${path}/country`));
      }
      if (r.types !== undefined) {
        if (!Array.isArray(r.types)) out.push(invalidHolidayRule('types is a list', `${path}/types`));
        else
          r.types.forEach((t, i) => {
            if (!(HOLIDAY_TYPES as readonly unknown[]).includes(t)) {
              out.push(unknownHolidayType(t, HOLIDAY_TYPES, `${path}/types/${i}`));
            }
          });
      }
      break;
    }
  }
}

/** Checks one declaration on its own (zone, days, hours, holidays, ranges, extra days). */
function checkDecl(id: string, decl: CalendarDecl, out: Diagnostic[]): void {
  const at = (...p: (string | number)[]) => ptr('calendars', id, ...p);
  if (decl.zone !== undefined) {
    const p = zoneProblem(decl.zone);
    if (p) out.push(invalidZone(p, at('zone')));
  }
  if (decl.days !== undefined) {
    if (!Array.isArray(decl.days) || decl.days.length === 0) {
      out.push(invalidWeek('a calendar needs at least one business day of the week', at('days')));
    } else {
      decl.days.forEach((d, i) => {
        if (!(WEEKDAY_NAMES as readonly string[]).includes(d)) {
          out.push(notAWeekday(d, WEEKDAY_NAMES, at('days', i)));
        }
      });
    }
  }
  if (decl.hours !== undefined) {
    for (const p of parseWeekHours(decl.hours as Record<string, string[]>).problems) {
      out.push(invalidWeek(p.message, ptr('calendars', id) + p.path, p.help));
    }
  }
  (decl.holidays ?? []).forEach((h, i) => checkHoliday(h, at('holidays', i), out));
  (decl.suspended ?? []).forEach((s, i) => {
    if (s.from === undefined && s.until === undefined) {
      out.push(invalidHolidayRule('a suspended range needs from, until or both', at('suspended', i)));
    }
    checkRange(s, at('suspended', i), out);
  });
  const off = new Set<string>();
  (decl.extra_days_off ?? []).forEach((d, i) => {
    if (checkDate(d, at('extra_days_off', i), out) !== undefined) off.add(d);
  });
  (decl.extra_working_days ?? []).forEach((d, i) => {
    if (checkDate(d, at('extra_working_days', i), out) !== undefined && off.has(d)) {
      out.push(contradictoryCalendar(`${d} is both an extra day off and an extra working day`, at('extra_working_days', i)));
    }
  });
}

/** The chain [self, base, base's base, …], or a diagnostic if a base is unknown or cycles. */
function chainOf(id: string, decls: Record<string, CalendarDecl>, out: Diagnostic[]): CalendarDecl[] | undefined {
  const chain: CalendarDecl[] = [];
  const seen: string[] = [];
  let cur: string | undefined = id;
  while (cur !== undefined) {
    if (seen.includes(cur)) {
      out.push(calendarCycle([...seen, cur], ptr('calendars', id, 'base')));
      return undefined;
    }
    seen.push(cur);
    const d: CalendarDecl | undefined = decls[cur];
    if (!d) {
      const from = seen[seen.length - 2];
      out.push(unknownReference('calendar', cur, Object.keys(decls), ptr('calendars', from, 'base')));
      return undefined;
    }
    chain.push(d);
    cur = d.base;
  }
  return chain;
}

/** Whether yearly fixed-date holidays (without a validity range) and the weekdays close every date
 *  of a leap year, so the calendar is never open in any year. */
function closedEveryDate(weekdays: boolean[], holidays: HolidayRule[]): boolean {
  const yearly = new Set(holidays.flatMap((h) => ('date' in h && h.from === undefined && h.until === undefined ? [h.date] : [])));
  if (yearly.size === 0) return false;
  const first = daysFromCivil(2024, 1, 1);
  for (let day = first; day < first + 366; day++) {
    const [, m, d] = civilFromDays(day);
    if (weekdays[weekdayOf(day)] && !yearly.has(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) return false;
  }
  return true;
}

/**
 * Builds every declared calendar. A calendar without a zone takes its base's, else the policy zone.
 * A derived calendar takes its base's business days (weekday set unless it lists its own, holidays,
 * suspended ranges, extra days), looked up by its own zone's local date; its hours are its own.
 * Throws SlaError with every problem found.
 */
export function buildCalendars(decls: Record<string, CalendarDecl> | undefined, policyZone: string): Map<string, BusinessCalendar> {
  const out: Diagnostic[] = [];
  const result = new Map<string, BusinessCalendar>();
  if (!decls) return result;
  for (const [id, decl] of Object.entries(decls)) checkDecl(id, decl, out);
  const chains = new Map<string, CalendarDecl[]>();
  for (const id of Object.keys(decls)) {
    const c = decls[id].base === undefined ? [decls[id]] : chainOf(id, decls, out);
    if (c) chains.set(id, c);
  }
  let policyZoneReported = false;
  for (const [id, chain] of chains) {
    const self = chain[0];
    const zone = chain.find((d) => d.zone !== undefined)?.zone ?? policyZone;
    if (chain.every((d) => d.zone === undefined) && !policyZoneReported) {
      const p = zoneProblem(policyZone);
      if (p) {
        out.push(invalidZone(p, '/zone'));
        policyZoneReported = true;
      }
    }
    const dayNames = chain.find((d) => d.days !== undefined)?.days ?? DEFAULT_DAYS;
    const weekdays = WEEKDAY_NAMES.map((n) => dayNames.includes(n));
    const { windows } = parseWeekHours(self.hours as Record<string, string[]> | undefined);
    for (const key of Object.keys(self.hours ?? {})) {
      const i = (WEEKDAY_NAMES as readonly string[]).indexOf(key);
      if (i >= 0 && !weekdays[i] && windows[i].length > 0) {
        out.push(
          invalidWeek(
            `hours are given for ${key}, which is not a business day of \`${id}\``,
            ptr('calendars', id, 'hours', key),
            `add ${key} to days, or remove its hours`,
          ),
        );
      }
    }
    const extraWorking = new Set<number>();
    const extraOff = new Set<number>();
    const suspended: [number, number][] = [];
    const holidays: HolidayRule[] = [];
    for (const d of chain) {
      for (const s of d.extra_working_days ?? []) {
        const n = parseDay(s);
        if (n !== undefined) extraWorking.add(n);
      }
      for (const s of d.extra_days_off ?? []) {
        const n = parseDay(s);
        if (n !== undefined) extraOff.add(n);
      }
      for (const s of d.suspended ?? []) {
        suspended.push([s.from ? (parseDay(s.from) ?? Infinity) : -Infinity, s.until ? (parseDay(s.until) ?? -Infinity) : Infinity]);
      }
      holidays.push(...(d.holidays ?? []));
    }
    for (const n of chain.length > 1 ? extraWorking : []) {
      if (extraOff.has(n)) {
        out.push(contradictoryCalendar(`calendar \`${id}\` and its base make the same date both a day off and a working day`, ptr('calendars', id)));
        break;
      }
    }
    if (!windows.some((w, i) => weekdays[i] && w.length > 0) && extraWorking.size === 0) {
      out.push(
        contradictoryCalendar(
          `calendar \`${id}\` is never open`,
          ptr('calendars', id, self.hours ? 'hours' : 'days'),
          'give working hours to at least one business day',
        ),
      );
    }
    if (extraWorking.size === 0 && closedEveryDate(weekdays, holidays)) {
      out.push(
        contradictoryCalendar(
          `calendar ${quoteName(id)} is never open: every date of the year is a holiday or not a business day`,
          ptr('calendars', id, 'holidays'),
          'a business-day clock on it could never advance',
        ),
      );
    }
    if (out.length) continue;
    const rules: DayRules = { weekdays, holidays, suspended, extraOff, extraWorking };
    result.set(id, new Calendar(id, zone, zoneClock(zone), new BusinessDays(rules), rules, windows));
  }
  if (out.length) {
    const seen = new Set<string>();
    throw new SlaError(
      out.filter((d) => {
        const key = `${d.code} ${d.path} ${d.message}`;
        return !seen.has(key) && !!seen.add(key);
      }),
    );
  }
  return result;
}
