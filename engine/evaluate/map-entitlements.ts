import type { EntitlementItem, Money } from '../answer.ts';
import { addDuration, formatInstant } from '../calendar/index.ts';
import { describeEvent } from '../ir/describe.ts';
import { openingInstant } from '../ir/opening.ts';
import { pendingNote, pendingNotes, withPending } from './pending-notes.ts';
import type { Cost, Entitlement } from '../ir/schema.ts';
import { roundHalfAway } from '../money.ts';
import { evaluateAmount } from '../runtime/amount.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { ruleName } from '../compile/rule-name.ts';
import type { MapContext } from './map-context.ts';
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

function reason(c: EvaluatedCondition, rt: Runtime, e: Entitlement, numbers: { limit?: number | null; used?: number }): string | undefined {
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
      return withPending(ok ? (c.reason ?? c.description) : `not met: ${c.reason ?? c.description}`, pendingNotes(rt, c));
  }
}

export function mapEntitlements(ctx: MapContext): EntitlementItem[] {
  const { rt, outcomes, explain } = ctx;
  const items: EntitlementItem[] = [];
  for (const e of rt.policy.entitlements ?? []) {
    const o = outcomes.get(ruleName.entitlement(e.id));
    if (!o) continue;
    const inPlan = o.conditions.every((c) => c.name !== 'plan' || c.result === true);
    if (!inPlan) {
      explain(e.clause, e.id, o.conditions);
      items.push({
        id: e.id,
        allowed: false,
        cost: null,
        reasons: o.conditions.filter((c) => c.name === 'plan' && !c.result).map((c) => reason(c, rt, e, {})!),
        clause: e.clause,
      });
      continue;
    }
    const perEvent = ctx.eventRuns.get(e.id);
    if (perEvent)
      // for such an event made now, then for each event as of its instant
      for (const run of perEvent) {
        const item = entitlementItem(e, run.rt, run.outcomes, ctx, run.subject);
        items.push(run.subject === undefined ? item : { ...item, subject: run.subject });
      }
    else if (e.subject === undefined) items.push(entitlementItem(e, rt, outcomes, ctx));
    else
      for (const run of ctx.subjectRuns.get(e.subject) ?? [])
        items.push({ ...entitlementItem(e, run.rt, run.outcomes, ctx, run.subject), subject: run.subject });
  }
  return items;
}

/** One answer item from the rule outcomes of one run (the whole case, or one subject's view of it). */
function entitlementItem(e: Entitlement, rt: Runtime, outcomes: MapContext['outcomes'], ctx: MapContext, subject?: string): EntitlementItem {
  const zone = rt.policy.zone;
  const o = outcomes.get(ruleName.entitlement(e.id))!;
  const label = subject === undefined ? e.id : `${e.id}[${subject}]`;
  ctx.explain(e.clause, label, o.conditions, rt);
  const item: EntitlementItem = { id: e.id, allowed: o.result, cost: cost(e, rt, ctx.warnings), reasons: [], clause: e.clause };
  const numbers: { limit?: number | null; used?: number } = {};
  if (e.limit !== undefined) {
    const limit = rt.limit(e.limit);
    numbers.limit = limit === undefined ? 0 : limit;
    item.limit = numbers.limit;
  }
  if (e.ledger) fillLedger(item, e, rt);
  else if (e.used) {
    const used = rt.used(e.used);
    if (used === null) ctx.warnings.push(`${e.id}: the case does not give \`${(e.used as { fact: string }).fact}\`, so what is used is unknown`);
    else numbers.used = item.used = roundHalfAway(used, 4);
  }
  if (e.limit !== undefined && numbers.used !== undefined) {
    item.remaining = numbers.limit === null ? null : roundHalfAway(Math.max(0, (numbers.limit ?? 0) - (numbers.used ?? 0)), 4);
    if (e.excess) item.excess = numbers.limit === null ? 0 : roundHalfAway(Math.max(0, (numbers.used ?? 0) - (numbers.limit ?? 0)), 4);
  }
  if (e.opens) {
    const opens = rt.instant(openingInstant(e.opens));
    if (opens !== null) item.opens = formatInstant(opens, zone);
  }
  const pausedSince = e.pause ? rt.pausedSince(e.pause.start, e.pause.stop) : null;
  if (pausedSince !== null && e.pause) {
    const pause = e.pause;
    item.until = formatInstant(
      computedAt(rt.policy, pause, 'max', () => addDuration(pausedSince, pause.max, { zone })),
      zone,
    );
  } else if (e.until) {
    const until = rt.instant(e.until);
    item.until = until === null ? null : formatInstant(until, zone);
  }
  for (const [field] of Object.entries(e.fields ?? {})) {
    const f = outcomes.get(ruleName.field(e.id, field));
    item[field] = f?.result === true;
    if (f) ctx.explain(e.clause, `${label}.${field}`, f.conditions, rt);
  }
  // An allowed item says what makes it so; a refused one says only what refuses it.
  const deciding = o.conditions.filter((c) => (c.result === true) === o.result);
  const waitingForOpening = !o.result && deciding.some((c) => c.name === 'opens');
  item.reasons = deciding
    .filter((c) => !(waitingForOpening && c.name === 'until'))
    .flatMap((c) => (c.name === 'ledger' ? ledgerReasons(e, rt, c.result === true) : [reason(c, rt, e, numbers)]))
    .filter((r): r is string => !!r);
  return item;
}
