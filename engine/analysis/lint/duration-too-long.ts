// A duration longer than any service level plausibly runs (a typo such as "300 days" for "30
// days"); past 20 years the clocks refuse to compute at all.
import type { DurationUnit } from '../../calendar/index.ts';
import { durationsOf } from './durations.ts';
import type { LintRule } from './lint-rule.ts';

export const SANE_DAYS = 3 * 366;

/** Roughly how many calendar days a duration spans (business time over a 5-day, 8-hour week). */
const DAYS_PER: Record<DurationUnit, number> = {
  minutes: 1 / 1440,
  hours: 1 / 24,
  days: 1,
  weeks: 7,
  business_days: 7 / 5,
  business_day_hours: 7 / 5 / 24,
  business_hours: 7 / 5 / 8,
  solar_years: 365,
};

export const durationTooLong: LintRule = {
  code: 'SLA6011',
  name: 'duration-too-long',
  severity: 'warning',
  help: 'check the number; the clocks answer within 20 years',
  check(p) {
    return durationsOf(p)
      .filter((d) => d.parsed.amount * DAYS_PER[d.parsed.unit] > SANE_DAYS)
      .map((d) => ({ path: d.path, message: `"${d.text}" is longer than 3 years` }));
  },
};
