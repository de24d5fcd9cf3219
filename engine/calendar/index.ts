// Business calendars and time arithmetic: the clocks every deadline and window runs on.
export type { BusinessCalendar } from './business-calendar.ts';
export { buildCalendars } from './build-calendars.ts';
export { checkZone, toLuxonZone, zoneProblem, type ZoneProblem } from './zone.ts';
export { parseDuration, addDuration, addDurationIn, nominalMs, isBusinessUnit, type DurationUnit, type ParsedDuration } from './duration.ts';
export { addSolarYears, addWallDays, periodContaining, periodsBetween, type PeriodSystem, type Period } from './solar.ts';
export { formatInstant, parseInstant, localDate } from './instant.ts';
export { toJalali, fromJalali, jalaliMonthLength, isJalaliLeapYear } from './jalali.ts';
export { orthodoxEaster, westernEaster } from './easter.ts';
export { LIMIT_MS, LIMIT_YEARS } from './limits.ts';
export { loadHolidayData, useHolidayData, HOLIDAY_COUNTRIES } from './holiday-data.ts';
