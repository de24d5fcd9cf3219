// Two deadlines on the same start and stop that apply to the same plan with different durations:
// the answer would say the same obligation is due at two instants.
import { isByPlan, planValue } from '../../ir/plan-value.ts';
import type { Deadline } from '../../ir/schema.ts';
import { planChoices } from '../plan-choices.ts';
import { termKey } from '../walk-ir.ts';
import type { Finding, LintRule } from './lint-rule.ts';

const applies = (d: Deadline, plans: Record<string, string>) => Object.entries(d.applies ?? {}).every(([dim, options]) => options.includes(plans[dim]));

export const contradictoryDeadlines: LintRule = {
  code: 'SLA6007',
  name: 'contradictory-deadlines',
  severity: 'error',
  help: 'tell them apart with `applies:` or a `where:` on the start, or give one duration chosen by the plan',
  check(p) {
    const findings: Finding[] = [];
    const deadlines = p.deadlines ?? [];
    deadlines.forEach((b, j) => {
      for (const a of deadlines.slice(0, j)) {
        if (termKey(a.start) !== termKey(b.start) || termKey(a.stop) !== termKey(b.stop) || a.calendar !== b.calendar) continue;
        const dims = [...new Set([a, b].flatMap((d) => [...Object.keys(d.applies ?? {}), ...(isByPlan(d.duration) ? [d.duration.by] : [])]))];
        const clash = planChoices(dims, (dim) => p.plans[dim]?.options ?? []).find((plans) => {
          if (!applies(a, plans) || !applies(b, plans)) return false;
          const [da, db] = [planValue(a.duration, plans), planValue(b.duration, plans)];
          return da !== undefined && db !== undefined && da !== db;
        });
        if (clash) {
          const plans =
            Object.entries(clash)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ') || 'every plan';
          findings.push({
            path: `/deadlines/${j}/duration`,
            message: `deadlines \`${a.id}\` and \`${b.id}\` run from the same start to the same stop with different durations (${planValue(a.duration, clash)} and ${planValue(b.duration, clash)}) for ${plans}`,
          });
        }
      }
    });
    return findings;
  },
};
