import type { AmountItem } from '../answer.ts';
import { ruleName } from '../compile/rule-name.ts';
import type { Amount } from '../ir/schema.ts';
import { evaluateAmount } from '../runtime/amount.ts';
import type { MapContext } from './map-context.ts';

/** The policy's amount items that apply to the case's plans (an item for another plan is left out). */
export function mapAmounts({ rt, outcomes, explain, warnings }: MapContext): AmountItem[] {
  const items: AmountItem[] = [];
  for (const a of rt.policy.amounts ?? []) {
    const o = outcomes.get(ruleName.amount(a.id));
    if (!o) continue;
    explain(a.clause, a.id, o.conditions);
    if (!o.conditions.every((c) => c.name !== 'plan' || c.result === true)) continue;
    const value = rt.value<Amount>(a.value);
    if (value === undefined) continue;
    const r = evaluateAmount(value, rt);
    for (const m of r.missing) warnings.push(`${a.id}: ${m}`);
    items.push({
      id: a.id,
      amount: r.amount,
      currency: r.currency,
      ...(r.percent !== undefined ? { percent: r.percent } : {}),
      ...(r.of !== undefined ? { of: r.of } : {}),
      ...(r.basis !== undefined ? { basis: r.basis } : {}),
      reasons: r.reasons,
      clause: a.clause,
    });
  }
  return items;
}
