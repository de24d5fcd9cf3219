// Plain-words descriptions of conditions and instants, for explanations and reasons.
import { COMPARISONS, comparisonsIn, COUNTER_COMPARISONS } from './operators.ts';
import type { Condition, EventRef, Instant, PlanValue } from './schema.ts';
import { isByPlan } from './plan-value.ts';

const list = (v: unknown[]) => v.map(String).join(', ');

export function describeEvent(ref: EventRef): string {
  const where = Object.entries(ref.where ?? {})
    .map(([k, v]) => `${k} ${Array.isArray(v) ? `in [${list(v)}]` : `= ${String(v)}`}`)
    .join(', ');
  return `${ref.which === 'last' ? 'the last ' : ''}${ref.event}${where ? ` (${where})` : ''}`;
}

export function describePlanValue<T>(v: PlanValue<T>, describe: (x: T) => string = String): string {
  if (!isByPlan(v)) return describe(v);
  return `by ${v.by}: ${Object.entries(v.values)
    .map(([k, x]) => `${k} ${describe(x)}`)
    .join(', ')}`;
}

export function describeInstant(i: Instant): string {
  if ('instant' in i) return i.instant;
  return i.add === undefined ? describeEvent(i.from) : `${describePlanValue(i.add)} after ${describeEvent(i.from)}`;
}

export function describeCondition(c: Condition): string {
  if ('fact' in c) {
    const op = comparisonsIn(c, COMPARISONS)[0];
    const v = c[op.key];
    return `${c.fact} ${op.symbol} ${Array.isArray(v) ? `[${list(v)}]` : String(v)}`;
  }
  if ('plan' in c) return `${c.plan} plan is ${c.in.join(' or ')}`;
  if ('event' in c) {
    const when = [c.before ? `before ${describeInstant(c.before)}` : '', c.after ? `after ${describeInstant(c.after)}` : ''].filter(Boolean).join(' and ');
    return `${describeEvent({ event: c.event, where: c.where })} ${c.exists === false ? 'has not happened' : 'has happened'}${when ? ` ${when}` : ''}`;
  }
  if ('now_before' in c) return `before ${describeInstant(c.now_before)}`;
  if ('deadline' in c) {
    const where = c.where ? ` for ${describeEvent({ event: 'start', where: c.where }).replace(/^start /, '')}` : '';
    return `a ${c.deadline} deadline is ${c.status}${where}${c.started_before ? `, started before ${describeInstant(c.started_before)}` : ''}`;
  }
  if ('counter' in c) {
    const op = comparisonsIn(c, COUNTER_COMPARISONS)[0] ?? COUNTER_COMPARISONS[1];
    return `${c.counter} ${op.words} ${c[op.key]} in some period`;
  }
  if ('entitlement' in c) return `${c.entitlement} is ${c.allowed ? 'allowed' : 'not allowed'}`;
  if ('any' in c) return c.any.map((x) => x.reason ?? describeCondition(x)).join(', or ');
  return `${c.open} is open`;
}
