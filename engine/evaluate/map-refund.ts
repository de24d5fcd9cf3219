import type { RefundAnswer } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import { hidesEvents } from '../ir/refund-exclusion.ts';
import { percentOf } from '../money.ts';
import type { EvaluatedCondition, MapContext, RuleOutcome } from './map-context.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { conditionNotes, withPending } from './pending-notes.ts';

export function mapRefund({ rt, plan, outcomes, explain, warnings }: MapContext): RefundAnswer | null {
  const r = rt.policy.refund;
  if (!r) return null;
  const basisValue = rt.kase.facts[r.basis];
  if (typeof basisValue !== 'number') warnings.push(`the refund is a percentage of \`${r.basis}\`, which the case does not give; counted as 0`);
  const basis = typeof basisValue === 'number' ? basisValue : 0;
  const currency = String(rt.kase.facts.currency ?? rt.policy.currency ?? 'USD');
  const reasons: string[] = [];
  let matched: { id: string; percent: number; reason: string; clause: string } | undefined;

  for (let n = 0; n < r.rules.length; n++) {
    const rule = r.rules[n];
    const positions = plan.refund[n];
    const o = outcomes[positions.rule];
    if (!o) continue;
    explain(rule.clause ?? r.clause, o);
    const exclusions = (rule.exclusions ?? []).map((x, i) => ({ x, o: outcomes[positions.exclusions[i]] }));
    for (const { x, o: xo } of exclusions) if (xo) explain(x.clause ?? rule.clause ?? r.clause, xo);
    const hiding = exclusions.filter(({ o: xo }) => xo?.result);
    const blocking = hiding.filter(({ x }) => !hidesEvents(x.when));
    for (const { x } of hiding) if (!blocking.some((b) => b.x === x)) reasons.push(`excluded from "${rule.id}": ${x.reason}`);
    if (o.result && blocking.length === 0) {
      matched = { id: rule.id, percent: rule.percent, reason: rule.reason, clause: rule.clause ?? r.clause };
      reasons.push(rule.reason, ...worded(o, rt, () => true));
      break;
    }
    if (o.result) for (const { x } of blocking) reasons.push(`"${rule.id}" does not apply: ${x.reason}`);
    else {
      const failed = worded(o, rt, (c) => !c.result);
      reasons.push(`"${rule.id}" does not apply: it needs ${failed.join('; and ')}`);
    }
  }
  if (!matched && r.otherwise) reasons.push(r.otherwise);
  const percent = matched?.percent ?? 0;
  return {
    eligible: percent > 0,
    percent,
    amount: percentOf(basis, percent),
    basis,
    currency,
    requested_at: formatInstant(rt.requestAt, rt.policy.zone),
    ...(matched ? { rule: matched.id } : {}),
    reasons,
    clause: matched?.clause ?? r.clause,
  };
}

/** The conditions of a rule that `pick` picks, in its words with the pending instants that decided them. */
function worded(o: RuleOutcome, rt: Runtime, pick: (c: EvaluatedCondition) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < o.conditions.length; i++)
    if (pick(o.conditions[i])) out.push(withPending(o.plan.conditions[i].words as string, conditionNotes(o, i, rt)));
  return out;
}
