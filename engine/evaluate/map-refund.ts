import type { RefundAnswer } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import { ruleName } from '../compile/rule-name.ts';
import { hidesEvents } from '../ir/refund-exclusion.ts';
import { percentOf } from '../money.ts';
import type { MapContext } from './map-context.ts';
import { pendingNotes, withPending } from './pending-notes.ts';

export function mapRefund({ rt, outcomes, explain, warnings }: MapContext): RefundAnswer | null {
  const r = rt.policy.refund;
  if (!r) return null;
  const basisValue = rt.kase.facts[r.basis];
  if (typeof basisValue !== 'number') warnings.push(`the refund is a percentage of \`${r.basis}\`, which the case does not give; counted as 0`);
  const basis = typeof basisValue === 'number' ? basisValue : 0;
  const currency = String(rt.kase.facts.currency ?? rt.policy.currency ?? 'USD');
  const reasons: string[] = [];
  let matched: { id: string; percent: number; reason: string; clause: string } | undefined;

  for (const rule of r.rules) {
    const o = outcomes.get(ruleName.refund(rule.id));
    if (!o) continue;
    explain(rule.clause ?? r.clause, `refund ${rule.id}`, o.conditions);
    const exclusions = (rule.exclusions ?? []).map((x) => ({ x, o: outcomes.get(ruleName.exclusion(rule.id, x.id)) }));
    for (const { x, o: xo } of exclusions) if (xo) explain(x.clause ?? rule.clause ?? r.clause, `exclusion ${x.id}`, xo.conditions);
    const hiding = exclusions.filter(({ o: xo }) => xo?.result);
    const blocking = hiding.filter(({ x }) => !hidesEvents(x.when));
    for (const { x } of hiding) if (!blocking.some((b) => b.x === x)) reasons.push(`excluded from "${rule.id}": ${x.reason}`);
    if (o.result && blocking.length === 0) {
      matched = { id: rule.id, percent: rule.percent, reason: rule.reason, clause: rule.clause ?? r.clause };
      reasons.push(rule.reason, ...o.conditions.map((c) => withPending(c.reason ?? c.description, pendingNotes(rt, c))));
      break;
    }
    if (o.result) for (const { x } of blocking) reasons.push(`"${rule.id}" does not apply: ${x.reason}`);
    else {
      const failed = o.conditions.filter((c) => !c.result).map((c) => withPending(c.reason ?? c.description, pendingNotes(rt, c)));
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
