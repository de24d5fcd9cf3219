// Refund rules are tried in order and the first that holds decides. A later rule whose conditions
// include all of an earlier rule's (which no exclusion can set aside) is never reached.
import { termKey } from '../walk-ir.ts';
import type { Finding, LintRule } from './lint-rule.ts';

export const refundRuleShadowed: LintRule = {
  code: 'SLA6005',
  name: 'refund-rule-shadowed',
  severity: 'error',
  help: 'put the narrower rule first, or drop the one that can never decide',
  check(p) {
    const findings: Finding[] = [];
    const rules = p.refund?.rules ?? [];
    rules.forEach((later, j) => {
      const laterTerms = new Set(later.when.map(termKey));
      const earlier = rules.slice(0, j).find((r) => !r.exclusions?.length && r.when.every((c) => laterTerms.has(termKey(c))));
      if (earlier)
        findings.push({
          path: `/refund/rules/${j}`,
          message: `refund rule \`${later.id}\` is never reached: \`${earlier.id}\` comes first and holds whenever it does`,
        });
    });
    return findings;
  },
};
