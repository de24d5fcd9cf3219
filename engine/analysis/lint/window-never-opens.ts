// A window that closes the moment it opens (`until` is the opening event plus nothing) or is closed
// by the very event that opens it: the entitlement can never be allowed.
import { parseDuration } from '../../calendar/index.ts';
import { isByPlan } from '../../ir/plan-value.ts';
import type { Entitlement } from '../../ir/schema.ts';
import { termKey } from '../walk-ir.ts';
import type { Finding, LintRule } from './lint-rule.ts';

/** The plan options (or `every plan`) for which `until` falls at the opening instant. */
function closesAtOpening(e: Entitlement): string | undefined {
  // only a window opening at an event is compared with an `until` counted from that event
  if (!e.opens || !('event' in e.opens) || !e.until || !('from' in e.until) || termKey(e.until.from) !== termKey(e.opens)) return undefined;
  const add = e.until.add;
  if (add === undefined) return 'every plan';
  const zero = (d: string) => parseDuration(d)?.amount === 0;
  if (!isByPlan(add)) return zero(add) ? 'every plan' : undefined;
  const options = Object.entries(add.values)
    .filter(([, d]) => zero(d))
    .map(([o]) => o);
  return options.length ? `${add.by} ${options.join(', ')}` : undefined;
}

export const windowNeverOpens: LintRule = {
  code: 'SLA6003',
  name: 'window-never-opens',
  severity: 'error',
  help: 'a window opens at `opens` and is allowed only before `until` and until `closed_by`: give it a length',
  check(p) {
    const findings: Finding[] = [];
    (p.entitlements ?? []).forEach((e, i) => {
      const plans = closesAtOpening(e);
      if (plans) findings.push({ path: `/entitlements/${i}/until`, message: `the window of \`${e.id}\` closes the instant it opens (for ${plans})` });
      if (e.opens && e.closed_by && termKey(e.opens) === termKey(e.closed_by))
        findings.push({ path: `/entitlements/${i}/closed_by`, message: `the window of \`${e.id}\` is closed by the event that opens it` });
    });
    return findings;
  },
};
