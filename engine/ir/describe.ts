// Plain-words descriptions of conditions and instants, for explanations and reasons.
import { COMPARISONS, comparisonsIn, COUNTER_COMPARISONS } from './operators.ts';
import type { Condition, EventRef, Instant, InstantDef, Opening, PlanValue, Where } from './schema.ts';
import { isByPlan } from './plan-value.ts';

const list = (v: unknown[]) => v.map(String).join(', ');

export function describeEvent(ref: EventRef): string {
  const where = Object.entries(ref.where ?? {})
    .map(([k, v]) => describeAttribute(k, v))
    .join(', ');
  return `${ref.which === 'last' ? 'the last ' : ''}${ref.event}${where ? ` (${where})` : ''}`;
}

function describeAttribute(name: string, v: Where[string]): string {
  if (Array.isArray(v)) return `${name} in [${list(v)}]`;
  if (typeof v !== 'object') return `${name} = ${String(v)}`;
  return comparisonsIn(v, COMPARISONS)
    .map((op) => `${name} ${op.symbol} ${Array.isArray(v[op.key]) ? `[${list(v[op.key] as unknown[])}]` : String(v[op.key])}`)
    .join(', ');
}

export function describePlanValue<T>(v: PlanValue<T>, describe: (x: T) => string = String): string {
  if (!isByPlan(v)) return describe(v);
  return `by ${v.by}: ${Object.entries(v.values)
    .map(([k, x]) => `${k} ${describe(x)}`)
    .join(', ')}`;
}

/** An instant in words; one a comparison needs known says so. */
export function describeInstant(i: Instant | InstantDef | Opening): string {
  if ('event' in i) return describeEvent(i);
  const known = 'known' in i && i.known ? ' (once known)' : '';
  if ('instant' in i) return `${i.instant}${known}`;
  return `${i.add === undefined ? describeEvent(i.from) : `${describePlanValue(i.add)} after ${describeEvent(i.from)}`}${known}`;
}

/** The event an instant is counted from, through named instants (none for an unknown name or a cycle). */
export function instantAnchor(i: Instant | InstantDef | Opening, instants: Record<string, InstantDef> = {}): EventRef | undefined {
  const seen = new Set<string>();
  let at: Instant | InstantDef | Opening = i;
  while ('instant' in at) {
    if (seen.has(at.instant) || !Object.hasOwn(instants, at.instant)) return undefined;
    seen.add(at.instant);
    at = instants[at.instant];
  }
  return 'event' in at ? at : at.from;
}

/** Why an instant is pending, naming its anchor: "archived is pending, as full_migration_completed has not happened". */
export function describePending(i: Instant | InstantDef | Opening, instants?: Record<string, InstantDef>): string {
  const anchor = instantAnchor(i, instants);
  const { known: _k, ...plain } = i as Instant;
  const event = anchor ? describeEvent(anchor) : 'its anchor';
  // an event's own time is pending exactly while the event has not happened
  if ('event' in plain || ('from' in plain && plain.add === undefined && plain.calendar === undefined)) return `${event} has not happened`;
  return `${describeInstant(plain)} is pending, as ${event} has not happened`;
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
