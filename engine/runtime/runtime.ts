// One evaluation's state: the policy, its calendars and the normalised case. Every derived value
// (instants, deadline instances, counters, credits) is computed here from plain numbers and
// memoised per question, so facts asked by several rules are computed once.
import { addDuration, periodContaining, periodsBetween, type BusinessCalendar } from '../calendar/index.ts';
import type { CaseEvent, NormalizedCase } from '../case/case-model.ts';
import { planValue } from '../ir/plan-value.ts';
import type { Condition, Counter, Credit, Deadline, EventRef, Instant, Ledger, Limit, PlanValue, Policy, Used } from '../ir/schema.ts';
import type { RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Hidden, Moment } from '../compile/fact-params.ts';
import { ruleName } from '../compile/rule-name.ts';
import { EventIndex, firstAtOrAfter, matchesWhere } from './event-index.ts';
import { computedAt } from './policy-locations.ts';
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
  metAt?: number;
  stopAt?: number;
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

export class Runtime {
  readonly requestAt: number;
  private memo = new Map<string, unknown>();
  private views = new Map<string, (subject: string) => EventIndex>();

  /** `index` holds the events this runtime sees: all of the case's, or one subject's view
   *  (whose `kase.events` is still the whole case's; questions go through the index). */
  constructor(
    readonly policy: Policy,
    readonly calendars: Map<string, BusinessCalendar>,
    readonly kase: NormalizedCase,
    readonly rules: readonly RuleProperties[],
    private readonly decide: Decide,
    private readonly index: EventIndex = EventIndex.of(kase.events),
  ) {
    const request = policy.refund?.request;
    this.requestAt = request ? (index.pick(request, kase.at)?.at ?? kase.at) : kase.at;
  }

  /** The same case seen from one subject: events that carry `attribute` count only with this value. */
  forSubject(attribute: string, value: string): Runtime {
    let view = this.views.get(attribute);
    if (!view) {
      view = this.index.bySubject(attribute, (type) => Object.hasOwn(this.policy.events[type]?.attributes ?? {}, attribute));
      this.views.set(attribute, view);
    }
    return new Runtime(this.policy, this.calendars, this.kase, this.rules, this.decide, view(value));
  }

  /** The distinct values of an attribute among the events that have happened, in order of appearance. */
  subjects(attribute: string): string[] {
    const values = new Set<string>();
    for (const e of this.kase.events) if (Object.hasOwn(e.attrs, attribute)) values.add(String(e.attrs[attribute]));
    return [...values];
  }

  now(moment: Moment = 'at'): number {
    return moment === 'request' ? this.requestAt : this.kase.at;
  }

  private cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = compute();
    this.memo.set(key, v);
    return v;
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
    return addDuration(ms, d, { zone: this.policy.zone, calendar: this.calendar(calendarId) });
  }

  event(ref: EventRef, moment: Moment = 'at', hidden?: Hidden): CaseEvent | undefined {
    return this.index.pick(ref, this.now(moment), hidden);
  }

  /** Shared with other questions: never modified. */
  events(ref: EventRef, moment: Moment = 'at', hidden?: Hidden): readonly CaseEvent[] {
    return this.index.select(ref, this.now(moment), hidden);
  }

  /** An instant expression; null while its event has not happened (or the plan gives no value). */
  instant(expr: Instant, moment: Moment = 'at', hidden?: Hidden): number | null {
    // Memoised per expression object (the policy's IR, shared by rules and answer mapping).
    let byMoment = this.instants.get(expr);
    if (!byMoment) this.instants.set(expr, (byMoment = new Map()));
    const key = hidden ? `${moment}|${JSON.stringify(hidden)}` : moment;
    if (byMoment.has(key)) return byMoment.get(key)!;
    const v = this.computeInstant(expr, moment, hidden);
    byMoment.set(key, v);
    return v;
  }

  private instants = new Map<Instant, Map<string, number | null>>();

  private computeInstant(expr: Instant, moment: Moment, hidden?: Hidden): number | null {
    if ('instant' in expr) {
      const named = this.policy.instants?.[expr.instant];
      return named ? this.instant(named, moment, hidden) : null;
    }
    const e = this.event(expr.from, moment, hidden);
    return e ? computedAt(this.policy, expr, 'add', () => this.add(e.at, expr.add, expr.calendar)) : null;
  }

  exists(c: Extract<Condition, { event: string }>, moment: Moment, hidden?: Hidden): boolean {
    const before = c.before ? this.instant(c.before, moment, hidden) : undefined;
    const after = c.after ? this.instant(c.after, moment, hidden) : undefined;
    if (before === null || after === null) return false;
    return this.events({ event: c.event, where: c.where }, moment, hidden).some(
      (e) => (before === undefined || e.at < before) && (after === undefined || e.at > after),
    );
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
    return this.cached(`ledger|${entitlement}`, () => {
      const e = this.policy.entitlements?.find((x) => x.id === entitlement);
      return e?.ledger && e.used ? this.computeLedger(e.ledger, e.used) : null;
    });
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
    return this.policy.deadlines?.find((d) => d.id === id);
  }

  /** The instances of a deadline as of a moment. */
  deadlines(id: string, moment: Moment = 'at', hidden?: Hidden): DeadlineInstance[] {
    return this.cached(`deadlines|${id}|${moment}|${JSON.stringify(hidden ?? null)}`, () => {
      const d = this.deadlineSpec(id);
      if (!d) return [];
      const now = this.now(moment);
      // `which: last` starts each instance from the latest start event (of its subject).
      const inOrder = this.events(d.start, moment, hidden);
      const starts = d.start.which === 'last' ? [...inOrder].reverse() : inOrder;
      const firsts: CaseEvent[] = [];
      const seen = new Set<string>();
      for (const s of starts) {
        const key = d.subject === undefined ? '' : String(s.attrs[d.subject]);
        if (seen.has(key)) continue;
        seen.add(key);
        firsts.push(s);
        if (d.subject === undefined) break;
      }
      // Stops per subject, each list in time order: an instance's stop is found by binary search.
      const stops = new Map<string, CaseEvent[]>();
      for (const e of this.events(d.stop, moment, hidden)) {
        const key = d.subject === undefined ? '' : String(e.attrs[d.subject]);
        const list = stops.get(key);
        if (list) list.push(e);
        else stops.set(key, [e]);
      }
      const out: DeadlineInstance[] = [];
      for (const start of firsts) {
        const due = computedAt(this.policy, d, 'duration', () => this.add(start.at, d.duration, d.calendar));
        if (due === null) continue;
        const subject = d.subject === undefined ? undefined : String(start.attrs[d.subject]);
        const own = stops.get(subject ?? '') ?? [];
        const stop = own[firstAtOrAfter(own, start.at)] as CaseEvent | undefined;
        const status = stop ? (stop.at <= due ? 'met' : 'breached') : now > due ? 'breached' : 'pending';
        out.push({ id, subject, start, due, status, ...(stop && stop.at <= due ? { metAt: stop.at } : {}), ...(stop ? { stopAt: stop.at } : {}) });
      }
      return out;
    });
  }

  deadlineStatuses(c: Extract<Condition, { deadline: string }>, moment: Moment, hidden?: Hidden): string[] {
    const before = c.started_before ? this.instant(c.started_before, moment, hidden) : undefined;
    if (before === null) return [];
    return this.deadlines(c.deadline, moment, hidden)
      .filter((i) => matchesWhere(i.start, c.where) && (before === undefined || i.start.at < before))
      .map((i) => i.status);
  }

  /** The highest value a per-period counter reached in any period up to now. */
  counterMax(id: string, moment: Moment = 'at'): { max: number; period?: { from: number; until: number } } {
    return this.cached(`counter|${id}|${moment}`, () => {
      const c: Counter | undefined = this.policy.counters?.[id];
      if (!c) return { max: 0 };
      const byPeriod = new Map<number, { from: number; until: number; n: number }>();
      const bump = (ms: number, n: number) => {
        const p = periodContaining(ms, this.policy.zone, c.per);
        const cur = byPeriod.get(p.from) ?? { ...p, n: 0 };
        cur.n += n;
        byPeriod.set(p.from, cur);
      };
      if ('breached' in c) {
        for (const i of this.deadlines(c.breached, moment)) if (i.status === 'breached') bump(i.due, 1);
      } else if ('count' in c) for (const e of this.events(c.count, moment)) bump(e.at, 1);
      else for (const e of this.events(c.of, moment)) bump(e.at, Number(e.attrs[c.sum] ?? 0));
      let best: { max: number; period?: { from: number; until: number } } = { max: 0 };
      for (const p of byPeriod.values()) if (p.n > best.max) best = { max: p.n, period: { from: p.from, until: p.until } };
      return best;
    });
  }

  /** Per ended period with downtime: availability and the credit owed (0 when not below the threshold). */
  credits(c: Credit): CreditPeriod[] {
    return this.cached(`credits|${c.id}`, () => {
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
    });
  }

  private evaluating = new Set<string>();

  /** Whether an entitlement's compiled rule holds (for conditions that depend on another entitlement). */
  allowed(id: string): boolean {
    return this.cached(`allowed|${id}`, () => {
      const name = ruleName.entitlement(id);
      const rule = this.rules.find((r) => r.name === name);
      if (!rule || this.evaluating.has(id)) return false;
      this.evaluating.add(id);
      try {
        return this.decide(this, rule.conditions as TopLevelCondition);
      } finally {
        this.evaluating.delete(id);
      }
    });
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
