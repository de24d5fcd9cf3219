// One evaluation's state: the policy, its calendars and the normalised case. Every derived value
// (instants, deadline instances, counters, credits) is computed here from plain numbers and
// memoised per question, so facts asked by several rules are computed once.
import { addDurationIn, formatInstant, periodContaining, periodsBetween, type BusinessCalendar, type PeriodSystem } from '../calendar/index.ts';
import type { CaseEvent, NormalizedCase } from '../case/case-model.ts';
import { planValue } from '../ir/plan-value.ts';
import type { Condition, Counter, Credit, Deadline, Entitlement, EventRef, Instant, InstantDef, Ledger, Limit, PlanValue, Policy, Used } from '../ir/schema.ts';
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Hidden, Moment } from '../compile/fact-params.ts';
import { ruleName } from '../compile/rule-name.ts';
import { EventIndex, hiddenKey, matchesWhere } from './event-index.ts';
import { computedAt, locatedAt } from './policy-locations.ts';
import { policyIndex, type PolicyIndex } from './policy-index.ts';
import { follows, precedes, type InstantValue } from './pending.ts';
import { balanceAt, runLedger, type Grant, type LedgerBalance, type LedgerRun } from './ledger.ts';

/** Decides a compiled condition on a runtime (runtime/direct.ts): passed in, because deciding
 *  asks the runtime's facts, which read this runtime. */
export type Decide = (rt: Runtime, condition: TopLevelCondition) => boolean;

export interface DeadlineInstance {
  id: string;
  subject?: string;
  start: CaseEvent;
  due: number;
  status: 'pending' | 'met' | 'breached';
  metAt: number | undefined;
}

/** An instance's stop: met by it if in time. */
function stopped(i: DeadlineInstance, stop: CaseEvent): void {
  if (stop.at <= i.due) {
    i.status = 'met';
    i.metAt = stop.at;
  } else i.status = 'breached';
}

/** A counter's highest value in one period, and that period. */
export interface CounterMax {
  max: number;
  period?: { from: number; until: number };
}

export interface CreditPeriod {
  from: number;
  until: number;
  downtimeMs: number;
  availability: number;
  amount: number;
}

/** A ledger as of now: its pools (each with its grant event; none for the plan's own pool) and balance. */
export interface LedgerView extends LedgerRun {
  grants: (CaseEvent | null)[];
  balance: LedgerBalance;
}

const HOUR = 3_600_000;

/** Memoised answers: per the moment (and hidden events) they were asked at, by question. */
class Memo<K, V> {
  private at?: Map<K, V>;
  private request?: Map<K, V>;
  /** with hidden events: per moment, by the hidden list's text (made once per list) */
  private hidingAt?: Map<string, Map<K, V>>;
  private hidingRequest?: Map<string, Map<K, V>>;

  /** The answers asked at `moment` with `hidden` events. */
  scope(moment: Moment, hidden: Hidden | undefined): Map<K, V> {
    if (!hidden) return moment === 'request' ? (this.request ??= new Map()) : (this.at ??= new Map());
    const byHidden = moment === 'request' ? (this.hidingRequest ??= new Map()) : (this.hidingAt ??= new Map());
    const key = hiddenKey(hidden);
    let m = byHidden.get(key);
    if (!m) byHidden.set(key, (m = new Map()));
    return m;
  }
}

/** A runtime's memoised answers, each made on first use. */
class Memos {
  instants?: Memo<Instant | InstantDef, InstantValue> = undefined;
  deadlines?: Memo<string, DeadlineInstance[]> = undefined;
  counters?: Memo<string, CounterMax> = undefined;
  ledgers?: Map<string, LedgerView> = undefined;
  credits?: Map<Credit, CreditPeriod[]> = undefined;
  allowed?: Map<string, boolean> = undefined;
  evaluating?: Set<string> = undefined;
  views?: Map<string, (subject: string) => EventIndex> = undefined;
}

export class Runtime {
  readonly requestAt: number;
  private readonly lookup: PolicyIndex;
  // Made on first use: a subject's view asks few questions of its own.
  private memos?: Memos;

  /** `index` holds the events this runtime sees: all of the case's, or one subject's view
   *  (whose `kase.events` is still the whole case's; questions go through the index). `parent`:
   *  the runtime a subject's view was made from, asked at the same instants — a question about
   *  events this view sees as the parent does is answered (and memoised) by the parent. */
  constructor(
    readonly policy: Policy,
    readonly calendars: Map<string, BusinessCalendar>,
    readonly kase: NormalizedCase,
    readonly rules: readonly RuleProperties[],
    private readonly decide: Decide,
    private readonly index: EventIndex = EventIndex.of(kase.events),
    private readonly parent?: Runtime,
  ) {
    this.lookup = parent ? parent.lookup : policyIndex(policy);
    const request = policy.refund?.request;
    this.requestAt = !request
      ? kase.at
      : parent && index.sameAs(parent.index, request.event)
        ? parent.requestAt
        : (index.pick(request, kase.at)?.at ?? kase.at);
  }

  private get memo(): Memos {
    return (this.memos ??= new Memos());
  }

  /** Whether the parent sees the events of `type` as this runtime does, asked at the same `moment`. */
  private sees(type: string | undefined, moment: Moment = 'at'): boolean {
    const parent = this.parent;
    return parent !== undefined && type !== undefined && parent.now(moment) === this.now(moment) && this.index.sameAs(parent.index, type);
  }

  /** The same case seen from one subject: events that carry `attribute` count only with this value. */
  forSubject(attribute: string, value: string): Runtime {
    const views = (this.memo.views ??= new Map());
    let view = views.get(attribute);
    if (!view) {
      view = this.index.bySubject(attribute, (type) => Object.hasOwn(this.policy.events[type]?.attributes ?? {}, attribute));
      views.set(attribute, view);
    }
    return new Runtime(this.policy, this.calendars, this.kase, this.rules, this.decide, view(value), this);
  }

  /** The views an entitlement answered per event is decided on: first one for such an event made
   *  now (without subject), then one per event that has happened, named by its subject attribute
   *  or its instant. */
  perEvent(each: NonNullable<Entitlement['each']>): { subject?: string; rt: Runtime }[] {
    const views: { subject?: string; rt: Runtime }[] = [{ rt: this.forEvent(each.event, undefined) }];
    for (const e of this.events({ event: each.event, where: each.where }))
      views.push({
        subject: each.subject === undefined ? formatInstant(e.at, this.policy.zone) : String(e.attrs[each.subject]),
        rt: this.forEvent(each.event, e),
      });
    return views;
  }

  /** The case as one event of a type saw it: asked at its instant, that event the only one of its
   *  type. Without an event: a new one made now, none of the earlier ones of its type seen. */
  forEvent(type: string, event: CaseEvent | undefined): Runtime {
    const kase = event ? { ...this.kase, at: event.at } : this.kase;
    return new Runtime(this.policy, this.calendars, kase, this.rules, this.decide, this.index.replacing(type, event ? [event] : []));
  }

  /** The distinct values of an attribute among the events that have happened, in order of
   *  appearance. Shared: never modified. */
  subjects(attribute: string): readonly string[] {
    return this.index.subjects(attribute).listed;
  }

  now(moment: Moment = 'at'): number {
    return moment === 'request' ? this.requestAt : this.kase.at;
  }

  plan(dimension: string): string {
    return this.kase.plans[dimension];
  }

  value<T>(v: PlanValue<T>): T | undefined {
    return planValue(v, this.kase.plans);
  }

  calendar(id?: string): BusinessCalendar | undefined {
    const key = id ?? this.policy.calendar;
    return key === undefined ? undefined : this.calendars.get(key);
  }

  add(ms: number, duration: PlanValue<string> | undefined, calendarId?: string): number | null {
    if (duration === undefined) return ms;
    const d = this.value(duration);
    if (d === undefined) return null;
    return addDurationIn(ms, d, this.policy.zone, this.calendar(calendarId));
  }

  event(ref: EventRef, moment: Moment = 'at', hidden?: Hidden): CaseEvent | undefined {
    return this.index.pick(ref, this.now(moment), hidden);
  }

  /** Shared with other questions: never modified. */
  events(ref: Pick<EventRef, 'event' | 'where'>, moment: Moment = 'at', hidden?: Hidden): readonly CaseEvent[] {
    return this.index.select(ref, this.now(moment), hidden);
  }

  /** An instant expression: known, or null while pending (its anchor event has not happened). */
  instant(expr: Instant | InstantDef, moment: Moment = 'at', hidden?: Hidden): InstantValue {
    if (this.parent && this.sees(this.lookup.anchorType(expr), moment)) return this.parent.instant(expr, moment, hidden);
    // Memoised per expression object (the policy's IR, shared by rules and answer mapping).
    const known = (this.memo.instants ??= new Memo()).scope(moment, hidden);
    let v = known.get(expr);
    if (v === undefined) known.set(expr, (v = this.computeInstant(expr, moment, hidden)));
    return v;
  }

  private computeInstant(expr: Instant | InstantDef, moment: Moment, hidden?: Hidden): InstantValue {
    if ('instant' in expr) {
      const named = this.policy.instants?.[expr.instant];
      return named ? this.instant(named, moment, hidden) : null;
    }
    const e = this.event(expr.from, moment, hidden);
    if (!e) return null;
    try {
      return this.add(e.at, expr.add, expr.calendar);
    } catch (err) {
      throw locatedAt(this.policy, expr, 'add', err);
    }
  }

  exists(c: Extract<Condition, { event: string }>, moment: Moment, hidden?: Hidden): boolean {
    const before = c.before ? this.instant(c.before, moment, hidden) : undefined;
    const after = c.after ? this.instant(c.after, moment, hidden) : undefined;
    for (const e of this.events({ event: c.event, where: c.where }, moment, hidden))
      if ((c.before === undefined || precedes(e.at, before, c.before.known)) && (c.after === undefined || follows(e.at, after))) return true;
    return false;
  }

  count(ref: EventRef, after: EventRef | undefined, moment: Moment = 'at'): number {
    return this.selectAfter(ref, after, moment).length;
  }

  sum(attribute: string, ref: EventRef, after: EventRef | undefined, moment: Moment = 'at'): number {
    return this.selectAfter(ref, after, moment).reduce((n, e) => n + Number(e.attrs[attribute] ?? 0), 0);
  }

  private selectAfter(ref: EventRef, after: EventRef | undefined, moment: Moment): readonly CaseEvent[] {
    const all = this.events(ref, moment);
    if (!after) return all;
    const anchor = this.event(after, moment);
    return anchor ? all.filter((e) => e.at > anchor.at) : [];
  }

  used(u: Used, moment: Moment = 'at'): number | null {
    if ('count' in u) return this.count(u.count, u.after, moment);
    if ('sum' in u) return this.sum(u.sum, u.of, u.after, moment);
    const v = this.kase.facts[u.fact];
    return typeof v === 'number' ? v : null;
  }

  /** null: unlimited; undefined: the limit depends on an event that has not happened. */
  limit(l: Limit, moment: Moment = 'at'): number | null | undefined {
    if (typeof l === 'object' && l !== null && 'attribute' in l) {
      const e = this.event(l.of, moment);
      return e ? Number(e.attrs[l.attribute]) : undefined;
    }
    return this.value(l as PlanValue<number | null>);
  }

  /** The pools of an entitlement's ledger and its balance now; null if it has none. Its `used` is
   *  a count or a sum of events (check-policy refuses the rest). */
  ledger(entitlement: string): LedgerView | null {
    const e = this.policy.entitlements?.find((x) => x.id === entitlement);
    if (!e?.ledger || !e.used) return null;
    const usedType = 'count' in e.used ? e.used.count.event : 'sum' in e.used ? e.used.of.event : undefined;
    if (this.sees(e.ledger.grant.event) && (usedType === undefined || this.sees(usedType))) return this.parent!.ledger(entitlement);
    const memo = (this.memo.ledgers ??= new Map<string, LedgerView>());
    let v = memo.get(entitlement);
    if (v === undefined) memo.set(entitlement, (v = this.computeLedger(e.ledger, e.used)));
    return v;
  }

  private computeLedger(l: Ledger, used: Used): LedgerView {
    const amount = l.amount;
    const sizeOf = (key: string) => (typeof amount === 'object' && Object.hasOwn(amount.values, key) ? amount.values[key] : undefined);
    const size = (e: CaseEvent) => (typeof amount === 'string' ? Number(e.attrs[amount] ?? 0) : (sizeOf(String(e.attrs[amount.attribute])) ?? 0));
    const grants: (CaseEvent | null)[] = [];
    const pools: Grant[] = [];
    const planPool = l.plan === undefined ? undefined : sizeOf(this.plan(l.plan));
    if (planPool !== undefined) {
      grants.push(null);
      pools.push({ at: null, size: planPool, expires: null });
    }
    for (const e of this.events(l.grant)) {
      grants.push(e);
      const expires = l.expires === undefined ? null : computedAt(this.policy, l, 'expires', () => this.add(e.at, l.expires, l.calendar));
      pools.push({ at: e.at, size: size(e), expires });
    }
    const uses =
      'count' in used
        ? this.events(used.count).map((e) => ({ at: e.at, amount: 1 }))
        : 'sum' in used
          ? this.events(used.of).map((e) => ({ at: e.at, amount: Number(e.attrs[used.sum] ?? 0) }))
          : [];
    const run = runLedger(pools, uses);
    return { ...run, grants, balance: balanceAt(run, this.now()) };
  }

  deadlineSpec(id: string): Deadline | undefined {
    return this.lookup.deadline(id);
  }

  /** The instances of a deadline as of a moment. */
  deadlines(id: string, moment: Moment = 'at', hidden?: Hidden): DeadlineInstance[] {
    const d = this.deadlineSpec(id);
    if (!d) return [];
    if (this.sees(d.start.event, moment) && this.sees(d.stop.event, moment)) return this.parent!.deadlines(id, moment, hidden);
    const known = (this.memo.deadlines ??= new Memo()).scope(moment, hidden);
    let v = known.get(id);
    if (v === undefined) known.set(id, (v = this.computeDeadlines(d, moment, hidden)));
    return v;
  }

  private computeDeadlines(d: Deadline, moment: Moment, hidden: Hidden | undefined): DeadlineInstance[] {
    const starts = this.events(d.start, moment, hidden);
    if (!starts.length) return [];
    const stops = this.events(d.stop, moment, hidden);
    // `which: last` starts each instance from the latest start event (of its subject).
    const last = d.start.which === 'last';
    if (d.subject === undefined) {
      const start = last ? starts[starts.length - 1] : starts[0];
      const stop = stops.find((e) => e.at >= start.at);
      const instance = this.deadlineInstance(d, moment, undefined, start);
      if (instance && stop) stopped(instance, stop);
      return instance ? [instance] : [];
    }
    // Each subject's first start (in that order) makes its instance, which its first stop at or
    // after that start ends: stops come in time order, so one pass over them finds every subject's.
    const subjects = this.index.subjects(d.subject);
    // every subject numbered first, so that each has its place in `waiting`
    for (let k = 0; k < starts.length; k++) subjects.of(starts[k]);
    for (let k = 0; k < stops.length; k++) subjects.of(stops[k]);
    // per subject, the place in `out` of its instance waiting for a stop (-1: none yet; -2: none waits)
    const waiting = new Int32Array(subjects.size).fill(-1);
    const out: DeadlineInstance[] = [];
    for (let k = 0; k < starts.length; k++) {
      const s = starts[last ? starts.length - 1 - k : k];
      const id = subjects.of(s);
      if (waiting[id] !== -1) continue;
      const instance = this.deadlineInstance(d, moment, subjects.keys[id], s);
      waiting[id] = instance ? out.push(instance) - 1 : -2;
    }
    for (let k = 0; k < stops.length; k++) {
      const e = stops[k];
      const id = subjects.of(e);
      const i = waiting[id];
      if (i >= 0 && e.at >= out[i].start.at) {
        stopped(out[i], e);
        waiting[id] = -2;
      }
    }
    return out;
  }

  /** An instance started by `start`, pending or breached as of now; none when its duration is unknown. */
  private deadlineInstance(d: Deadline, moment: Moment, subject: string | undefined, start: CaseEvent): DeadlineInstance | undefined {
    let due: number | null;
    try {
      due = this.add(start.at, d.duration, d.calendar);
    } catch (err) {
      throw locatedAt(this.policy, d, 'duration', err);
    }
    if (due === null) return undefined;
    return { id: d.id, subject, start, due, status: this.now(moment) > due ? 'breached' : 'pending', metAt: undefined };
  }

  deadlineStatuses(c: Extract<Condition, { deadline: string }>, moment: Moment, hidden?: Hidden): string[] {
    const bound = c.started_before;
    const before = bound ? this.instant(bound, moment, hidden) : undefined;
    return this.deadlines(c.deadline, moment, hidden)
      .filter((i) => matchesWhere(i.start, c.where) && (bound === undefined || precedes(i.start.at, before, bound.known)))
      .map((i) => i.status);
  }

  /** The highest value a per-period counter reached in any period up to now. */
  counterMax(id: string, moment: Moment = 'at'): CounterMax {
    const c: Counter | undefined = this.policy.counters?.[id];
    if (!c) return { max: 0 };
    const d = 'breached' in c ? this.deadlineSpec(c.breached) : undefined;
    const read = d ? [d.start.event, d.stop.event] : 'count' in c ? [c.count.event] : 'of' in c ? [c.of.event] : [];
    if (read.length && read.every((t) => this.sees(t, moment))) return this.parent!.counterMax(id, moment);
    const known = (this.memo.counters ??= new Memo()).scope(moment, undefined);
    let v = known.get(id);
    if (v === undefined) known.set(id, (v = this.computeCounter(c, moment)));
    return v;
  }

  private computeCounter(c: Counter, moment: Moment): CounterMax {
    const counts = new PeriodCounts(this.policy.zone, c.per);
    if ('breached' in c) {
      for (const i of this.deadlines(c.breached, moment)) if (i.status === 'breached') counts.add(i.due, 1);
    } else if ('count' in c) for (const e of this.events(c.count, moment)) counts.add(e.at, 1);
    else for (const e of this.events(c.of, moment)) counts.add(e.at, Number(e.attrs[c.sum] ?? 0));
    return counts.max();
  }

  /** Per ended period with downtime: availability and the credit owed (0 when not below the threshold). */
  credits(c: Credit): CreditPeriod[] {
    if (this.sees(c.downtime.event)) return this.parent!.credits(c);
    const memo = (this.memo.credits ??= new Map());
    let v = memo.get(c);
    if (v === undefined) memo.set(c, (v = this.computeCredits(c)));
    return v;
  }

  private computeCredits(c: Credit): CreditPeriod[] {
    const now = this.now();
    const intervals = this.events(c.downtime)
      .map((e) => [e.at, Math.min(e.until ?? now, now)] as [number, number])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    if (!intervals.length) return [];
    // Only the periods some downtime touches: outages years apart never span the years between.
    const periods = new Map<number, { from: number; until: number }>();
    for (const [a, b] of intervals) for (const p of periodsBetween(a, b, this.policy.zone, c.per)) periods.set(p.from, p);
    const union = disjointUnion(intervals);
    const out: CreditPeriod[] = [];
    let first = 0;
    for (const p of [...periods.values()].sort((x, y) => x.from - y.from)) {
      // Periods ascend, so the outages ending before this one never matter again.
      while (first < union.length && union[first][1] <= p.from) first++;
      if (p.until > now) continue;
      const down = overlapLength(union, first, p.from, p.until);
      if (down === 0) continue;
      const availability = 1 - down / (p.until - p.from);
      const amount = availability < c.below ? (c.multiplier * down) / HOUR : 0;
      out.push({ from: p.from, until: p.until, downtimeMs: down, availability, amount });
    }
    return out;
  }

  /** Whether an entitlement's compiled rule holds (for conditions that depend on another entitlement). */
  allowed(id: string): boolean {
    const memo = (this.memo.allowed ??= new Map());
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    const name = ruleName.entitlement(id);
    const rule = this.rules.find((r) => r.name === name);
    const evaluating = (this.memo.evaluating ??= new Set());
    if (!rule || evaluating.has(id)) {
      memo.set(id, false);
      return false;
    }
    evaluating.add(id);
    try {
      const v = this.decide(this, rule.conditions as TopLevelCondition);
      memo.set(id, v);
      return v;
    } finally {
      evaluating.delete(id);
    }
  }

  open(calendarId: string, moment: Moment = 'at'): boolean {
    return this.calendars.get(calendarId)?.isOpen(this.now(moment)) ?? false;
  }

  /** The pause in progress at now (its start event), if any. */
  pausedSince(start: EventRef, stop: EventRef, moment: Moment = 'at'): number | null {
    const pauses = this.events(start, moment);
    const last = pauses[pauses.length - 1];
    if (!last) return null;
    const resumed = this.events(stop, moment).some((e) => e.at >= last.at);
    return resumed ? null : last.at;
  }
}

/** A count per period (month) of the instants added. */
class PeriodCounts {
  private readonly byPeriod = new Map<number, { from: number; until: number; n: number }>();
  // instants mostly come in time order: the period of the last one is tried first
  private last: { from: number; until: number; n: number } | undefined = undefined;

  constructor(
    private readonly zone: string,
    private readonly per: PeriodSystem,
  ) {}

  add(ms: number, n: number): void {
    let last = this.last;
    if (!last || ms < last.from || ms >= last.until) {
      const p = periodContaining(ms, this.zone, this.per);
      last = this.byPeriod.get(p.from);
      if (!last) this.byPeriod.set(p.from, (last = { from: p.from, until: p.until, n: 0 }));
      this.last = last;
    }
    last.n += n;
  }

  /** The highest count, and its period (the first of a tie). */
  max(): CounterMax {
    let best: CounterMax = { max: 0 };
    for (const p of this.byPeriod.values()) if (p.n > best.max) best = { max: p.n, period: { from: p.from, until: p.until } };
    return best;
  }
}

/** The union of intervals sorted by start, as disjoint intervals in order. */
function disjointUnion(intervals: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of intervals) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Length of disjoint sorted intervals, from the `first`, clipped to [from, until). */
function overlapLength(union: [number, number][], first: number, from: number, until: number): number {
  let total = 0;
  for (let i = first; i < union.length && union[i][0] < until; i++) total += Math.max(0, Math.min(union[i][1], until) - Math.max(union[i][0], from));
  return total;
}
