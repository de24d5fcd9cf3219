import type { EntitlementItem, Money } from '../answer.ts';
import { addDuration, formatInstant } from '../calendar/index.ts';
import { describeEvent } from '../ir/describe.ts';
import { openingInstant } from '../ir/opening.ts';
import { pendingNote, pendingNotes, withPending } from './pending-notes.ts';
import type { Cost, Entitlement } from '../ir/schema.ts';
import { roundHalfAway } from '../money.ts';
import { evaluateAmount } from '../runtime/amount.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { EntitlementPlan } from './answer-plan.ts';
import type { ConditionPlan } from './condition-plan.ts';
import type { MapContext, Outcomes, RuleOutcome } from './map-context.ts';
import type { EvaluatedCondition } from './explain.ts';
import { computedAt } from '../runtime/policy-locations.ts';
import { fillLedger, ledgerReasons } from './map-ledger.ts';

function cost(e: Entitlement, rt: Runtime, warnings: string[]): Money | null {
  if (e.cost === undefined) return null;
  const c = rt.value<Cost>(e.cost);
  if (c === undefined) return null;
  const r = evaluateAmount(c, rt);
  for (const m of r.missing) warnings.push(`the cost of ${e.id}: ${m}`);
  return r.amount === null ? null : { amount: r.amount, currency: r.currency };
}

interface Numbers {
  limit?: number | null;
  used?: number;
}

function reason(c: EvaluatedCondition, plan: ConditionPlan, rt: Runtime, e: Entitlement, numbers: Numbers): string | undefined {
  const zone = rt.policy.zone;
  const at = (v: unknown) => (typeof v === 'number' ? formatInstant(v, zone) : 'unknown');
  const ok = c.result === true;
  const pending = c.factResult === null || c.factResult === undefined;
  switch (c.name) {
    case 'plan':
      return ok ? undefined : `not in your plan: ${c.description.replace(' plan is ', ' plan must be ')} (it is ${String(c.factResult)})`;
    case 'opens':
      if (ok) return undefined;
      return pending ? `not yet: ${pendingNote(rt, e.opens!)}` : `not yet: the window opens at ${at(c.factResult)}`;
    case 'until':
      if (ok) return pending ? `open: ${pendingNote(rt, e.until!)}` : `open until ${at(c.factResult)}`;
      return pending ? `not yet: the window (${c.description.replace(/^before /, '')}) has not started` : `the window closed at ${at(c.factResult)}`;
    case 'closed_by':
      return ok ? undefined : `closed: ${describeEvent(e.closed_by!)} happened at ${at(c.factResult)}`;
    case 'pause':
      return ok ? 'not paused now' : `paused since ${at(c.factResult)}: resume by ${at(addDuration(c.factResult as number, e.pause!.max, { zone }))}`;
    case 'limit': {
      if (numbers.used === undefined) return `unknown: the case does not give \`${(e.used as { fact: string }).fact}\``;
      const limit = numbers.limit === null ? 'unlimited' : String(numbers.limit ?? 0);
      return ok ? `${numbers.used ?? 0} of ${limit} used` : `limit reached: ${numbers.used ?? 0} of ${limit} used`;
    }
    default:
      return withPending(ok ? (plan.words as string) : `not met: ${plan.text}`, pendingNotes(plan, c, rt));
  }
}

const inPlan = (o: RuleOutcome) => {
  for (const c of o.conditions) if (c.name === 'plan' && c.result !== true) return false;
  return true;
};

export function mapEntitlements(ctx: MapContext): EntitlementItem[] {
  const { rt, outcomes, explain } = ctx;
  const items: EntitlementItem[] = [];
  for (const plan of ctx.plan.entitlements) {
    const e = plan.e;
    const o = outcomes[plan.rule];
    if (!o) continue;
    if (!inPlan(o)) {
      explain(e.clause, o);
      const reasons: string[] = [];
      o.conditions.forEach((c, i) => {
        if (c.name === 'plan' && !c.result) reasons.push(reason(c, o.plan.conditions[i], rt, e, {})!);
      });
      items.push({ id: e.id, allowed: false, cost: null, reasons, clause: e.clause });
      continue;
    }
    const perEvent = ctx.eventRuns.get(e.id);
    if (perEvent)
      // for such an event made now, then for each event as of its instant
      for (const run of perEvent) items.push(entitlementItem(plan, run.rt, run.outcomes, ctx, run.subject));
    else if (e.subject === undefined) items.push(entitlementItem(plan, rt, outcomes, ctx));
    else for (const run of ctx.subjectRuns.get(e.subject) ?? []) items.push(entitlementItem(plan, run.rt, run.outcomes, ctx, run.subject));
  }
  return items;
}

const UNREAD = Symbol('unread');

/** The value a condition of the item's rule read, when the plan says it is the item's and the run reached it. */
function read(o: RuleOutcome, at: number, which: 'factResult' | 'valueResult'): unknown {
  const c = at < 0 ? undefined : o.conditions[at];
  return c === undefined || c.result === undefined ? UNREAD : c[which];
}

/** One answer item from the rule outcomes of one run (the whole case, or one subject's view of it). */
function entitlementItem(plan: EntitlementPlan, rt: Runtime, outcomes: Outcomes, ctx: MapContext, subject?: string): EntitlementItem {
  const e = plan.e;
  const zone = rt.policy.zone;
  const o = outcomes[plan.rule]!;
  const label = subject === undefined ? undefined : `${e.id}[${subject}]`;
  ctx.explain(e.clause, o, label, rt);
  const item: EntitlementItem = { id: e.id, allowed: o.result, cost: cost(e, rt, ctx.warnings), reasons: [], clause: e.clause };
  const numbers: Numbers = {};
  if (e.limit !== undefined) {
    let limit = read(o, plan.limitAt, 'valueResult') as number | null | undefined | typeof UNREAD;
    if (limit === UNREAD) limit = rt.limit(e.limit);
    numbers.limit = limit === undefined ? 0 : limit;
    item.limit = numbers.limit;
  }
  if (e.ledger) fillLedger(item, e, rt);
  else if (e.used) {
    let used = read(o, plan.limitAt, 'factResult') as number | null | typeof UNREAD;
    if (used === UNREAD) used = rt.used(e.used);
    if (used === null) ctx.warnings.push(`${e.id}: the case does not give \`${(e.used as { fact: string }).fact}\`, so what is used is unknown`);
    else numbers.used = item.used = roundHalfAway(used, 4);
  }
  if (e.limit !== undefined && numbers.used !== undefined) {
    item.remaining = numbers.limit === null ? null : roundHalfAway(Math.max(0, (numbers.limit ?? 0) - (numbers.used ?? 0)), 4);
    if (e.excess) item.excess = numbers.limit === null ? 0 : roundHalfAway(Math.max(0, (numbers.used ?? 0) - (numbers.limit ?? 0)), 4);
  }
  if (e.opens) {
    let opens = read(o, plan.opensAt, 'factResult') as number | null | typeof UNREAD;
    if (opens === UNREAD) opens = rt.instant(openingInstant(e.opens));
    if (opens !== null) item.opens = formatInstant(opens, zone);
  }
  let pausedSince: number | null = null;
  if (e.pause) {
    const seen = read(o, plan.pauseAt, 'factResult') as number | null | typeof UNREAD;
    pausedSince = seen === UNREAD ? rt.pausedSince(e.pause.start, e.pause.stop) : seen;
  }
  if (pausedSince !== null && e.pause) {
    const pause = e.pause;
    item.until = formatInstant(
      computedAt(rt.policy, pause, 'max', () => addDuration(pausedSince, pause.max, { zone })),
      zone,
    );
  } else if (e.until) {
    let until = read(o, plan.untilAt, 'factResult') as number | null | typeof UNREAD;
    if (until === UNREAD) until = rt.instant(e.until);
    item.until = until === null ? null : formatInstant(until, zone);
  }
  for (const field of plan.fields) {
    const f = outcomes[field.rule];
    item[field.name] = f?.result === true;
    if (f) ctx.explain(e.clause, f, label === undefined ? undefined : label + field.suffix, rt);
  }
  // An allowed item says what makes it so; a refused one says only what refuses it.
  const conditions = o.conditions;
  let waitingForOpening = false;
  if (!o.result) for (const c of conditions) if (c.result !== true && c.name === 'opens') waitingForOpening = true;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    if ((c.result === true) !== o.result || (waitingForOpening && c.name === 'until')) continue;
    if (c.name === 'ledger') for (const r of ledgerReasons(e, rt, c.result === true)) r && item.reasons.push(r);
    else {
      const r = reason(c, o.plan.conditions[i], rt, e, numbers);
      if (r) item.reasons.push(r);
    }
  }
  if (subject !== undefined) item.subject = subject;
  return item;
}
