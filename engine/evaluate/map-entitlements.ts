import type { EntitlementItem, Money } from '../answer.ts';
import { addDuration, formatInstant } from '../calendar/index.ts';
import { describeEvent } from '../ir/describe.ts';
import { conditionNotes, pendingNote, withPending } from './pending-notes.ts';
import type { Cost } from '../ir/schema.ts';
import { roundHalfAway } from '../money.ts';
import { evaluateAmount } from '../runtime/amount.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { EntitlementPlan } from './answer-plan.ts';
import { inPlan, type EvaluatedCondition, type MapContext, type Outcomes, type RuleOutcome, type Sink } from './map-context.ts';
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

/** The reason of the deciding condition at `i` of an outcome; `limit` and `used` are the item's
 *  (`used` undefined when unknown). */
function reason(o: RuleOutcome, i: number, rt: Runtime, e: EntitlementPlan, limit?: number | null, used?: number): string | undefined {
  const c = o.conditions[i];
  const plan = o.plan.conditions[i];
  const zone = rt.policy.zone;
  const ok = c.result === true;
  const fact = c.factResult;
  const pending = fact === null || fact === undefined;
  switch (plan.name) {
    case 'plan':
      return ok ? undefined : `not in your plan: ${(plan.description as string).replace(' plan is ', ' plan must be ')} (it is ${String(fact)})`;
    case 'opens':
      if (ok) return undefined;
      return pending ? `not yet: ${pendingNote(rt, e.opens!)}` : `not yet: the window opens at ${at(fact, zone)}`;
    case 'until':
      if (ok) return pending ? `open: ${pendingNote(rt, e.until!)}` : `open until ${at(fact, zone)}`;
      return pending
        ? `not yet: the window (${(plan.description as string).replace(/^before /, '')}) has not started`
        : `the window closed at ${at(fact, zone)}`;
    case 'closed_by':
      return ok ? undefined : `closed: ${e.closedBy ?? describeEvent(e.e.closed_by!)} happened at ${at(fact, zone)}`;
    case 'pause':
      return ok ? 'not paused now' : `paused since ${at(fact, zone)}: resume by ${at(addDuration(fact as number, e.pause!.max, { zone }), zone)}`;
    case 'limit':
      if (used === undefined) return `unknown: the case does not give \`${(e.used as { fact: string }).fact}\``;
      return usedWords(used, limit === null ? null : (limit ?? 0), ok);
    default:
      return withPending(ok ? (plan.words as string) : `not met: ${plan.text}`, conditionNotes(o, i, rt));
  }
}

/** "2 of 3 used", or "limit reached: 3 of 3 used" */
const usedText = (used: number, limit: number | null, ok: boolean) => {
  const words = `${used} of ${limit === null ? 'unlimited' : String(limit)} used`;
  return ok ? words : `limit reached: ${words}`;
};

// Those of small whole numbers are made once: a case of many subjects gives the same few again and again.
const SMALL = 64;
const isSmall = (n: number) => Number.isInteger(n) && n >= 0 && n < SMALL;
/** per `ok`, per limit (unlimited: SMALL), per number used */
const smallTexts: string[][][] = [[], []];

function usedWords(used: number, limit: number | null, ok: boolean): string {
  if (!isSmall(used) || (limit !== null && !isSmall(limit))) return usedText(used, limit, ok);
  const row = (smallTexts[ok ? 1 : 0][limit === null ? SMALL : limit] ??= []);
  return (row[used] ??= usedText(used, limit, ok));
}

// An item's reasons are gathered here (one item at a time), then copied into a list of their
// number: answers are kept, and a list grown by push keeps room for many more.
const gathered: string[] = [];
let gatheredCount = 0;
const gather = (r: string) => void (gathered[gatheredCount++] = r);
function takeGathered(): string[] {
  const n = gatheredCount;
  gatheredCount = 0;
  // most items give one reason or none
  return n === 0 ? [] : n === 1 ? [gathered[0]] : gathered.slice(0, n);
}

export function mapEntitlements(ctx: MapContext): EntitlementItem[] {
  const { rt, outcomes, explain } = ctx;
  const items: EntitlementItem[] = [];
  for (const e of ctx.plan.entitlements) {
    const o = outcomes[e.rule];
    if (!o) continue;
    if (!inPlan(o)) {
      explain(e.clause, o);
      gatheredCount = 0;
      for (const i of o.plan.planAt) if (!o.conditions[i].result) gather(reason(o, i, rt, e)!);
      items.push({ id: e.id, allowed: false, cost: null, reasons: takeGathered(), clause: e.clause });
      continue;
    }
    if (e.subject === undefined && !e.each) {
      items.push(entitlementItem(e, rt, outcomes, ctx));
      continue;
    }
    // an item per subject (or per event), made by its run (evaluate.ts)
    const made = ctx.runItems.get(e.id);
    if (!made?.items.length) continue;
    // its runs are over: their traces are the clause's, not copied
    ctx.cite(e.clause, made.traces);
    for (const w of made.warnings) ctx.warnings.push(w);
    for (const item of made.items) items.push(item);
  }
  return items;
}

/** The condition at `at` of the item's rule, when the plan says its values are the item's and the run reached it. */
function reached(o: RuleOutcome, at: number): EvaluatedCondition | undefined {
  const c = at < 0 ? undefined : o.conditions[at];
  return c === undefined || c.result === undefined ? undefined : c;
}

/** One answer item from the rule outcomes of one run (the whole case, one subject's view of it, or
 *  one event's). */
export function entitlementItem(e: EntitlementPlan, rt: Runtime, outcomes: Outcomes, ctx: Sink, subject?: string): EntitlementItem {
  const zone = rt.policy.zone;
  const o = outcomes[e.rule]!;
  const label = subject === undefined || !ctx.traced ? undefined : `${e.id}[${subject}]`;
  ctx.explain(e.clause, o, label, rt);
  const price = cost(e, rt, ctx.warnings);
  // Its values first, then the item, its keys in order: a key set again on items of many shapes is
  // slow to find. The limit (null: unlimited) and what is used (undefined: not known):
  let limit: number | null | undefined;
  let used: number | undefined;
  if (e.limit !== undefined) {
    const c = reached(o, e.limitAt);
    const seen = c ? (c.valueResult as number | null | undefined) : rt.limit(e.limit);
    limit = seen === undefined ? 0 : seen;
  }
  if (!e.ledger && e.used) {
    const c = reached(o, e.limitAt);
    const seen = c ? (c.factResult as number | null) : rt.used(e.used);
    if (seen === null) ctx.warnings.push(`${e.id}: the case does not give \`${(e.used as { fact: string }).fact}\`, so what is used is unknown`);
    else used = roundHalfAway(seen, 4);
  }
  let opens: string | undefined;
  if (e.opens) {
    const c = reached(o, e.opensAt);
    const ms = c ? (c.factResult as number | null) : rt.instant(e.opening!);
    if (ms !== null) opens = formatInstant(ms, zone);
  }
  // the window's end: a pause's resume, else its `until` (null: pending; undefined: none)
  let until: string | null | undefined;
  let pausedSince: number | null = null;
  if (e.pause) {
    const c = reached(o, e.pauseAt);
    pausedSince = c ? (c.factResult as number | null) : rt.pausedSince(e.pause.start, e.pause.stop);
  }
  if (pausedSince !== null && e.pause) {
    const pause = e.pause;
    until = formatInstant(
      computedAt(rt.policy, pause, 'max', () => addDuration(pausedSince, pause.max, { zone })),
      zone,
    );
  } else if (e.until) {
    const c = reached(o, e.untilAt);
    const ms = c ? (c.factResult as number | null) : rt.instant(e.until);
    until = ms === null ? null : formatInstant(ms, zone);
  }
  const reasons = reasonsOf(e, o, rt, limit, used);
  const remaining = limit === undefined || used === undefined ? undefined : limit === null ? null : roundHalfAway(Math.max(0, limit - used), 4);
  const { id, clause } = e;
  const allowed = o.result;
  // An object given keys past its literal's keeps them in a second allocation: the shape of a
  // case's many items (a counted limit per subject, and nothing more) is made in one literal.
  if (
    subject !== undefined &&
    limit !== undefined &&
    used !== undefined &&
    !e.ledger &&
    !e.excess &&
    opens === undefined &&
    until === undefined &&
    !e.fields.length
  )
    return { id, allowed, cost: price, reasons, clause, limit, used, remaining, subject };
  const item: EntitlementItem = e.limit !== undefined ? { id, allowed, cost: price, reasons, clause, limit } : { id, allowed, cost: price, reasons, clause };
  if (e.ledger) fillLedger(item, e.e, rt);
  else if (used !== undefined) item.used = used;
  if (remaining !== undefined && used !== undefined) {
    item.remaining = remaining;
    if (e.excess) item.excess = limit === null ? 0 : roundHalfAway(Math.max(0, used - (limit ?? 0)), 4);
  }
  if (opens !== undefined) item.opens = opens;
  if (until !== undefined) item.until = until;
  for (let k = 0; k < e.fields.length; k++) {
    const field = e.fields[k];
    const f = outcomes[field.rule];
    item[field.name] = f?.result === true;
    if (f) ctx.explain(clause, f, label === undefined ? undefined : label + field.suffix, rt);
  }
  if (subject !== undefined) item.subject = subject;
  return item;
}

/** An item's reasons: an allowed item says what makes it so; a refused one says only what refuses it. */
function reasonsOf(e: EntitlementPlan, o: RuleOutcome, rt: Runtime, limit: number | null | undefined, used: number | undefined): string[] {
  const conditions = o.conditions;
  const plans = o.plan.conditions;
  let waitingForOpening = false;
  if (!o.result) for (let i = 0; i < conditions.length; i++) if (plans[i].name === 'opens' && conditions[i].result !== true) waitingForOpening = true;
  gatheredCount = 0;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    const name = plans[i].name;
    if ((c.result === true) !== o.result || (waitingForOpening && name === 'until')) continue;
    if (name === 'ledger') {
      for (const r of ledgerReasons(e.e, rt, c.result === true)) if (r) gather(r);
    } else {
      const r = reason(o, i, rt, e, limit, used);
      if (r) gather(r);
    }
  }
  return takeGathered();
}
