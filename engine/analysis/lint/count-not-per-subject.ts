// A per-subject entitlement (one answer per ticket, say) whose usage counts an event type without
// the subject attribute: such events belong to no subject, so every subject counts all of them.
import type { EventRef, Used } from '../../ir/schema.ts';
import type { Finding, LintRule } from './lint-rule.ts';

const countedEvent = (used: Used | undefined): EventRef | undefined => (used && 'count' in used ? used.count : used && 'sum' in used ? used.of : undefined);

export const countNotPerSubject: LintRule = {
  code: 'SLA6012',
  name: 'count-not-per-subject',
  severity: 'warning',
  help: 'declare the subject attribute on the counted event type, or count per case without `subject:`',
  check(p) {
    const findings: Finding[] = [];
    (p.entitlements ?? []).forEach((e, i) => {
      const counted = countedEvent(e.used);
      if (e.subject === undefined || !counted) return;
      if (!Object.hasOwn(p.events[counted.event]?.attributes ?? {}, e.subject))
        findings.push({
          path: `/entitlements/${i}/used`,
          message: `\`${e.id}\` is answered per ${e.subject}, but counts \`${counted.event}\`, which has no \`${e.subject}\`: every ${e.subject} counts all of them`,
        });
    });
    return findings;
  },
};
