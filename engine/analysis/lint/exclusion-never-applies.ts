// An exclusion whose condition contradicts a condition of its own rule: whenever the rule could
// hold the exclusion cannot, so it never sets the rule aside.
import { contradict } from './contradiction.ts';
import type { Finding, LintRule } from './lint-rule.ts';

export const exclusionNeverApplies: LintRule = {
  code: 'SLA6006',
  name: 'exclusion-never-applies',
  severity: 'warning',
  help: 'an exclusion only matters where its rule holds: check the value it tests, or move it to the rule it belongs to',
  check(p) {
    const findings: Finding[] = [];
    (p.refund?.rules ?? []).forEach((rule, i) =>
      (rule.exclusions ?? []).forEach((x, j) => {
        const k = rule.when.findIndex((c) => contradict(c, x.when));
        if (k >= 0)
          findings.push({
            path: `/refund/rules/${i}/exclusions/${j}/when`,
            message: `exclusion \`${x.id}\` never applies: refund rule \`${rule.id}\` holds only when its condition ${k + 1} does, which rules the exclusion out`,
          });
      }),
    );
    return findings;
  },
};
