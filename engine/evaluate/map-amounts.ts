import type { AmountItem } from '../answer.ts';
import type { Amount } from '../ir/schema.ts';
import { evaluateAmount } from '../runtime/amount.ts';
import { inPlan, type MapContext } from './map-context.ts';

/** The policy's amount items that apply to the case's plans (an item for another plan is left out). */
export function mapAmounts({ rt, plan, outcomes, explain, warnings }: MapContext): AmountItem[] {
  const items: AmountItem[] = [];
  const amounts = rt.policy.amounts ?? [];
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    const o = outcomes[plan.amounts[i]];
    if (!o) continue;
    explain(a.clause, o);
    if (!inPlan(o)) continue;
    const value = rt.value<Amount>(a.value);
    if (value === undefined) continue;
    const r = evaluateAmount(value, rt);
    for (const m of r.missing) warnings.push(`${a.id}: ${m}`);
    // keys in the order of contract.md, optional ones only when present
    const item = { id: a.id, amount: r.amount, currency: r.currency } as AmountItem;
    if (r.percent !== undefined) item.percent = r.percent;
    if (r.of !== undefined) item.of = r.of;
    if (r.basis !== undefined) item.basis = r.basis;
    item.reasons = r.reasons;
    item.clause = a.clause;
    items.push(item);
  }
  return items;
}
