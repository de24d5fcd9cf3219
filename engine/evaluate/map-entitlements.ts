import type { EntitlementItem, Money } from '../answer.ts';
import { addDuration, formatInstant } from '../calendar/index.ts';
import { describeEvent } from '../ir/describe.ts';
import { pendingNote, pendingNotes, withPending } from './pending-notes.ts';
import type { Cost } from '../ir/schema.ts';
import { roundHalfAway } from '../money.ts';
import { evaluateAmount } from '../runtime/amount.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { EntitlementPlan } from './answer-plan.ts';
import type { ConditionPlan } from './condition-plan.ts';
import { inPlan, type MapContext, type Outcomes, type RuleOutcome } from './map-context.ts';
import type { Seen } from './explain.ts';
import { computedAt } from '../runtime/policy-locations.ts';
import { fillLedger, ledgerReasons } from './map-ledger.ts';

function cost(e: EntitlementPlan, rt: Runtime, warnings: string[]): Money | null {
  if (e.cost === undefined) return null;
  const c = rt.value<Cost>(e.cost);
  if (c === undefined) return null;
  const r = evaluateAmount(c, rt);
  for (const m of r.missing) warnings.push(`the cost of ${e.id}: ${m}`);
  return r.amount === null ? null : { amount: r.amount, currency: r.currency };
}

const at = (v: unknown, zone: string) => (typeof v === 'number' ? formatInstant(v, zone) : 'unknown');

/** A deciding condition's reason; `limit` and `used` are the item's (`used` undefined when unknown). */
function reason(c: Seen, plan: ConditionPlan, rt: Runtime, e: EntitlementPlan, limit?: number | null, used?: number): string | undefined {
  const zone = rt.policy.zone;
  const ok = c.result === true;
  const pending = c.fact === null || c.fact === undefined;
  switch (plan.name) {
    case 'plan':
      return ok ? undefined : `not in your plan: ${(plan.description as string).replace(' plan is ', ' plan must be ')} (it is ${String(c.fact)})`;
    case 'opens':
      if (ok) return undefined;
      return pending ? `not yet: ${pendingNote(rt, e.opens!)}` : `not yet: the window opens at ${at(c.fact, zone)}`;
    case 'until':
      if (ok) return pending ? `open: ${pendingNote(rt, e.until!)}` : `open until ${at(c.fact, zone)}`;
      return pending
        ? `not yet: the window (${(plan.description as string).replace(/^before /, '')}) has not started`
        : `the window closed at ${at(c.fact, zone)}`;
    case 'closed_by':
      return ok ? undefined : `closed: ${e.closedBy ?? describeEvent(e.e.closed_by!)} happened at ${at(c.fact, zone)}`;
    case 'pause':
      return ok ? 'not paused now' : `paused since ${at(c.fact, zone)}: resume by ${at(addDuration(c.fact as number, e.pause!.max, { zone }), zone)}`;
    case 'limit': {
      if (used === undefined) return `unknown: the case does not give \`${(e.used as { fact: string }).fact}\``;
      const of = limit === null ? 'unlimited' : String(limit ?? 0);
      return ok ? `${used} of ${of} used` : `limit reached: ${used} of ${of} used`;
    }
    default:
      return withPending(ok ? (plan.words as string) : `not met: ${plan.text}`, pendingNotes(plan, c, rt));
  }
}

export function mapEntitlements(ctx: MapContext): EntitlementItem[] {
  const { rt, outcomes, explain } = ctx;
  const items: EntitlementItem[] = [];
  for (const e of ctx.plan.entitlements) {
    const o = outcomes[e.rule];
    if (!o) continue;
    if (!inPlan(o)) {
      explain(e.clause, o);
      const reasons: string[] = [];
      for (const i of o.plan.planAt) if (!o.conditions[i].result) reasons.push(reason(o.conditions[i], o.plan.conditions[i], rt, e)!);
      items.push({ id: e.id, allowed: false, cost: null, reasons, clause: e.clause });
      continue;
    }
    const perEvent = ctx.eventRuns.get(e.id);
    if (perEvent)
      // for such an event made now, then for each event as of its instant
      for (const run of perEvent) items.push(entitlementItem(e, run.rt, run.outcomes, ctx, run.subject));
    else if (e.subject === undefined) items.push(entitlementItem(e, rt, outcomes, ctx));
    else for (const run of ctx.subjectRuns.get(e.subject) ?? []) items.push(entitlementItem(e, run.rt, run.outcomes, ctx, run.subject));
  }
  return items;
}

const UNREAD = Symbol('unread');

/** The value a condition of the item's rule read, when the plan says it is the item's and the run reached it. */
function read(o: RuleOutcome, at: number, which: 'fact' | 'value'): unknown {
  const c = at < 0 ? undefined : o.conditions[at];
  return c === undefined || c.result === undefined ? UNREAD : c[which];
}

/** One answer item from the rule outcomes of one run (the whole case, or one subject's view of it). */
function entitlementItem(e: EntitlementPlan, rt: Runtime, outcomes: Outcomes, ctx: MapContext, subject?: string): EntitlementItem {
  const zone = rt.policy.zone;
  const o = outcomes[e.rule]!;
  const label = subject === undefined ? undefined : `${e.id}[${subject}]`;
  ctx.explain(e.clause, o, label, rt);
  const item: EntitlementItem = { id: e.id, allowed: o.result, cost: cost(e, rt, ctx.warnings), reasons: [], clause: e.clause };
  // the limit (null: unlimited) and what is used (undefined: not known)
  let limit: number | null | undefined;
  let used: number | undefined;
  if (e.limit !== undefined) {
    let seen = read(o, e.limitAt, 'value') as number | null | undefined | typeof UNREAD;
    if (seen === UNREAD) seen = rt.limit(e.limit);
    item.limit = limit = seen === undefined ? 0 : seen;
  }
  if (e.ledger) fillLedger(item, e.e, rt);
  else if (e.used) {
    let seen = read(o, e.limitAt, 'fact') as number | null | typeof UNREAD;
    if (seen === UNREAD) seen = rt.used(e.used);
    if (seen === null) ctx.warnings.push(`${e.id}: the case does not give \`${(e.used as { fact: string }).fact}\`, so what is used is unknown`);
    else item.used = used = roundHalfAway(seen, 4);
  }
  if (e.limit !== undefined && used !== undefined) {
    item.remaining = limit === null ? null : roundHalfAway(Math.max(0, (limit ?? 0) - used), 4);
    if (e.excess) item.excess = limit === null ? 0 : roundHalfAway(Math.max(0, used - (limit ?? 0)), 4);
  }
  if (e.opens) {
    let opens = read(o, e.opensAt, 'fact') as number | null | typeof UNREAD;
    if (opens === UNREAD) opens = rt.instant(e.opening!);
    if (opens !== null) item.opens = formatInstant(opens, zone);
  }
  let pausedSince: number | null = null;
  if (e.pause) {
    const seen = read(o, e.pauseAt, 'fact') as number | null | typeof UNREAD;
    pausedSince = seen === UNREAD ? rt.pausedSince(e.pause.start, e.pause.stop) : seen;
  }
  if (pausedSince !== null && e.pause) {
    const pause = e.pause;
    item.until = formatInstant(
      computedAt(rt.policy, pause, 'max', () => addDuration(pausedSince, pause.max, { zone })),
      zone,
    );
  } else if (e.until) {
    let until = read(o, e.untilAt, 'fact') as number | null | typeof UNREAD;
    if (until === UNREAD) until = rt.instant(e.until);
    item.until = until === null ? null : formatInstant(until, zone);
  }
  for (const field of e.fields) {
    const f = outcomes[field.rule];
    item[field.name] = f?.result === true;
    if (f) ctx.explain(e.clause, f, label === undefined ? undefined : label + field.suffix, rt);
  }
  // An allowed item says what makes it so; a refused one says only what refuses it.
  const conditions = o.conditions;
  const plans = o.plan.conditions;
  let waitingForOpening = false;
  if (!o.result) for (let i = 0; i < conditions.length; i++) if (plans[i].name === 'opens' && conditions[i].result !== true) waitingForOpening = true;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    const name = plans[i].name;
    if ((c.result === true) !== o.result || (waitingForOpening && name === 'until')) continue;
    if (name === 'ledger') {
      for (const r of ledgerReasons(e.e, rt, c.result === true)) if (r) item.reasons.push(r);
    } else {
      const r = reason(c, plans[i], rt, e, limit, used);
      if (r) item.reasons.push(r);
    }
  }
  if (subject !== undefined) item.subject = subject;
  return item;
}
