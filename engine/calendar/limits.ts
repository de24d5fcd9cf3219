// Bounds on what the clocks compute: a search that would run past them stops with a diagnostic
// instead of looping (a calendar that is never open, a duration of centuries).
import { negativeDuration, outOfRange as outOfRangeProblem, SlaError } from '../diagnostics/index.ts';
import { DAY_MS, daysFromCivil } from './civil.ts';

export const LIMIT_YEARS = 20;
export const LIMIT_MS = Math.round(LIMIT_YEARS * 365.2425 * DAY_MS);
export const MIN_INSTANT = daysFromCivil(1900, 1, 1) * DAY_MS;
export const MAX_INSTANT = daysFromCivil(2200, 1, 1) * DAY_MS;

export function outOfRange(message: string, help?: string): SlaError {
  return new SlaError([outOfRangeProblem(message, help)]);
}

/** Throws SLA4014 unless `ms` is an instant the clocks can work with (1900–2200). */
export function checkInstant(ms: number, what = 'instant'): void {
  if (!Number.isFinite(ms) || ms < MIN_INSTANT || ms >= MAX_INSTANT) {
    throw outOfRange(
      `${what} ${Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms)} is outside the supported range`,
      'instants must fall between 1900 and 2200',
    );
  }
}

export function checkSpan(durationMs: number, what: string): void {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new SlaError([negativeDuration(what)]);
  }
  if (durationMs > LIMIT_MS) {
    throw outOfRange(`${what} is longer than ${LIMIT_YEARS} years`, 'the clocks answer within 20 years; check the duration');
  }
}
