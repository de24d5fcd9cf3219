// Holiday rules that all stop at some date (or a suspension with no end): answers after that date
// count no holidays, so they are grounded in the agreement only until then. Reported when that
// is before the end of the policy's horizon (or the policy gives no date to reckon one from).
import type { CalendarDecl } from '../../ir/schema.ts';
import { horizonOf } from '../horizon.ts';
import type { Finding, LintRule } from './lint-rule.ts';

/** The last day holidays are taken off, or undefined when some rule runs on without end. */
export function holidaysUntil(cal: CalendarDecl): string | undefined {
  const rules = cal.holidays ?? [];
  if (rules.length === 0) return undefined;
  let end: string | undefined = '';
  for (const h of rules) {
    const last = 'dates' in h ? [...h.dates].sort().at(-1) : h.until;
    if (last === undefined) end = undefined;
    else if (end !== undefined && last > end) end = last;
  }
  // An open-ended suspension ends every rule at its start.
  for (const s of cal.suspended ?? []) if (s.until === undefined && s.from !== undefined && (end === undefined || s.from < end)) end = s.from;
  return end || undefined;
}

export const holidaysEnd: LintRule = {
  code: 'SLA6002',
  name: 'holidays-end',
  severity: 'warning',
  help: 'extend the holiday rules, or give the suspension an `until`, where the agreement says what holds later',
  check(p) {
    const findings: Finding[] = [];
    const horizon = horizonOf(p);
    for (const [id, cal] of Object.entries(p.calendars ?? {})) {
      const end = holidaysUntil(cal);
      if (end === undefined || (horizon && end >= horizon.until)) continue;
      const suspension = (cal.suspended ?? []).findIndex((s) => s.until === undefined && s.from === end);
      findings.push({
        path: suspension >= 0 ? `/calendars/${id}/suspended/${suspension}` : `/calendars/${id}/holidays`,
        message: `calendar \`${id}\` takes holidays off only until ${end}: answers after that count no holidays`,
      });
    }
    return findings;
  },
};
