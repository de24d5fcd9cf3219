// Problems in a calendar declaration that the schema cannot see (SLA3012, SLA3039–SLA3043): dates
// that do not exist, holiday rules, weeks, contradictions, cycles of bases.
import { quoteName } from './quote-value.ts';
import { diagnostic } from './diagnostic.ts';
import { didYouMean } from './suggest.ts';

const withHelp = (help: string | undefined) => (help ? { help } : {});

/** A date, month-day or Jalali month-day that does not exist or is not written as one. */
export const invalidCalendarDate = (value: unknown, form: 'date' | 'month and day' | 'Jalali month and day' | 'list of dates', path: string, help?: string) =>
  diagnostic('SLA3012', form === 'list of dates' ? 'dates is a list of YYYY-MM-DD' : `"${String(value)}" is not a ${form}`, { path, ...withHelp(help) });

export const invalidHolidayRule = (message: string, path: string, help?: string) => diagnostic('SLA3039', message, { path, ...withHelp(help) });

export const unknownHolidayCountry = (country: unknown, near: string | undefined, path: string) =>
  diagnostic('SLA3040', `no holiday data for country ${quoteName(String(country))}`, {
    path,
    help: near ? `did you mean ${quoteName(near)}?` : 'use an ISO 3166 code such as UA or IR',
  });

export const unknownHolidayType = (type: unknown, types: readonly string[], path: string) =>
  diagnostic('SLA3039', `${quoteName(String(type))} is not a holiday type`, { path, help: didYouMean(String(type), types) ?? `use ${types.join(', ')}` });

export const invalidWeek = (message: string, path: string, help?: string) => diagnostic('SLA3041', message, { path, ...withHelp(help) });

export const notAWeekday = (day: string, weekdays: readonly string[], path: string) =>
  diagnostic('SLA3041', `${quoteName(day)} is not a weekday`, { path, help: didYouMean(day, weekdays) ?? `use ${weekdays.join(', ')}` });

export const contradictoryCalendar = (message: string, path: string, help?: string) => diagnostic('SLA3042', message, { path, ...withHelp(help) });

export const calendarCycle = (chain: string[], path: string) =>
  diagnostic('SLA3043', `calendar bases form a cycle: ${chain.join(' → ')}`, { path, help: 'a calendar cannot be its own base, directly or through others' });
