import type { RefundAnswer } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { RefundRule } from '../ir/schema.ts';
import { hidesEvents } from '../ir/refund-exclusion.ts';
import { percentOf } from '../money.ts';
import type { MapContext, RuleOutcome } from './map-context.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { conditionNotes, withPending } from './pending-notes.ts';

const NO_EXCLUSIONS: NonNullable<RefundRule['exclusions']> = [];

export function mapRefund({ rt, plan, outcomes, explain, warnings }: MapContext): RefundAnswer | null {
  const r = rt.policy.refund;
  if (!r) return null;
  const basisValue = rt.kase.facts[r.basis];
  if (typeof basisValue !== 'number') warnings.push(`the refund is a percentage of \`${r.basis}\`, which the case does not give; counted as 0`);
  const basis = typeof basisValue === 'number' ? basisValue : 0;
  const currency = String(rt.kase.facts.currency ?? rt.policy.currency ?? 'USD');
  const reasons: string[] = [];
  let matched: RefundRule | undefined;

  for (let n = 0; n < r.rules.length; n++) {
    const rule = r.rules[n];
    const positions = plan.refund[n];
    const o = outcomes[positions.rule];
    if (!o) continue;
    explain(rule.clause ?? r.clause, o);
    // an exclusion that holds either hides the events it names from the rule, or blocks the rule
    const exclusions = rule.exclusions ?? NO_EXCLUSIONS;
    let blocked = false;
    for (let i = 0; i < exclusions.length; i++) {
      const x = exclusions[i];
      const xo = outcomes[positions.exclusions[i]];
      if (!xo) continue;
      explain(x.clause ?? rule.clause ?? r.clause, xo);
      if (!xo.result) continue;
      if (hidesEvents(x.when)) reasons.push(`excluded from "${rule.id}": ${x.reason}`);
      else blocked = true;
    }
    if (o.result && !blocked) {
      matched = rule;
      reasons.push(rule.reason);
      worded(reasons, o, rt, false);
      break;
    }
    if (o.result) {
      for (let i = 0; i < exclusions.length; i++)
        if (outcomes[positions.exclusions[i]]?.result && !hidesEvents(exclusions[i].when)) reasons.push(`"${rule.id}" does not apply: ${exclusions[i].reason}`);
    } else reasons.push(`"${rule.id}" does not apply: it needs ${worded([], o, rt, true).join('; and ')}`);
  }
  if (!matched && r.otherwise) reasons.push(r.otherwise);
  const percent = matched?.percent ?? 0;
  const eligible = percent > 0;
  const amount = percentOf(basis, percent);
  const requested_at = formatInstant(rt.requestAt, rt.policy.zone);
  return matched
    ? { eligible, percent, amount, basis, currency, requested_at, rule: matched.id, reasons, clause: matched.clause ?? r.clause }
    : { eligible, percent, amount, basis, currency, requested_at, reasons, clause: r.clause };
}

/** Adds to `out` the conditions of a rule (only those that failed, when `failed`), in its words
 *  with the pending instants that decided them. */
function worded(out: string[], o: RuleOutcome, rt: Runtime, failed: boolean): string[] {
  for (let i = 0; i < o.conditions.length; i++)
    if (!failed || !o.conditions[i].result) out.push(withPending(o.plan.conditions[i].words as string, conditionNotes(o, i, rt)));
  return out;
}
