// Two options of a plan dimension that no item, plan-chosen value or plan condition treats
// differently: one of them is redundant, or an item that tells them apart is missing.
import type { Policy } from '../../ir/schema.ts';
import { termKey, walk } from '../walk-ir.ts';
import type { Finding, LintRule } from './lint-rule.ts';

/** For each option of `dimension`, how every use of the dimension treats it. */
function signatures(p: Policy, dimension: string, options: string[]): Map<string, string> {
  const uses: ((option: string) => unknown)[] = [];
  walk(p, '', (v, path) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || path.startsWith('/plans')) return;
    const o = v as Record<string, unknown>;
    if (o.by === dimension && typeof o.values === 'object' && o.values) {
      const values = o.values as Record<string, unknown>;
      uses.push((option) => (Object.hasOwn(values, option) ? termKey(values[option]) : null));
    }
    if (o.plan === dimension && Array.isArray(o.in)) uses.push((option) => (o.in as string[]).includes(option));
    if (path.endsWith('/applies') && Array.isArray(o[dimension])) uses.push((option) => (o[dimension] as string[]).includes(option));
  });
  return new Map(options.map((option) => [option, JSON.stringify(uses.map((use) => use(option)))]));
}

export const planOptionsUndistinguished: LintRule = {
  code: 'SLA6004',
  name: 'plan-options-undistinguished',
  severity: 'warning',
  help: 'merge the options, or give the item or value that tells them apart',
  check(p) {
    const findings: Finding[] = [];
    for (const [dimension, decl] of Object.entries(p.plans)) {
      const sig = signatures(p, dimension, decl.options);
      decl.options.forEach((option, i) => {
        const twin = decl.options.slice(0, i).find((other) => sig.get(other) === sig.get(option));
        if (twin)
          findings.push({
            path: `/plans/${dimension}/options/${i}`,
            message: `options \`${twin}\` and \`${option}\` of plan \`${dimension}\` are never told apart: every item, value and condition treats them alike`,
          });
      });
    }
    return findings;
  },
};
