// A case's events indexed once per evaluation: by type (in time order), each type's question
// answers memoised. A subject's view shares the lists of the types that do not carry the subject
// attribute and holds only its own events of the types that do, so building every subject's view
// costs one pass over the events, not one per subject.
import type { CaseEvent } from '../case/case-model.ts';
import type { Hidden } from '../compile/fact-params.ts';
import { COMPARISONS, comparisonsIn } from '../ir/operators.ts';
import type { AttributeComparison, EventRef } from '../ir/schema.ts';
import { builtinOperators } from './operators.ts';

type Where = EventRef['where'];

export function matchesWhere(e: CaseEvent, where: Where): boolean {
  if (!where) return true;
  for (const attr in where) {
    const want = where[attr];
    const v = e.attrs[attr];
    if (Array.isArray(want) ? !want.includes(v) : typeof want === 'object' ? !passes(v, want) : v !== want) return false;
  }
  return true;
}

/** Every comparison holds, each as the fact condition of the same key decides it. */
const passes = (v: unknown, c: AttributeComparison) => comparisonsIn(c, COMPARISONS).every((op) => builtinOperators[op.engine](v, c[op.key]));

export const isHidden = (e: CaseEvent, hidden: Hidden | undefined) => !!hidden?.some((h) => h.event === e.type && matchesWhere(e, h.where));

/** The number of events at or before `now` in a time-ordered list. */
export function countUpTo(events: readonly CaseEvent[], now: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].at <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first event at or after `at` in a time-ordered list. */
export function firstAtOrAfter(events: readonly CaseEvent[], at: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NONE: readonly CaseEvent[] = [];

/** One type's events in time order, with the answers already given about them. */
class TypeEvents {
  private memo = new Map<string, readonly CaseEvent[]>();
  constructor(readonly events: CaseEvent[]) {}

  select(where: Where, now: number, hidden: Hidden | undefined): readonly CaseEvent[] {
    const key = `${now}|${where ? JSON.stringify(where) : ''}|${hidden ? JSON.stringify(hidden) : ''}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const end = countUpTo(this.events, now);
    const out: CaseEvent[] = [];
    for (let i = 0; i < end; i++) {
      const e = this.events[i];
      if (matchesWhere(e, where) && !isHidden(e, hidden)) out.push(e);
    }
    this.memo.set(key, out);
    return out;
  }
}

export class EventIndex {
  private constructor(private readonly byType: Map<string, TypeEvents>) {}

  static of(events: readonly CaseEvent[]): EventIndex {
    const lists = new Map<string, CaseEvent[]>();
    for (const e of events) {
      const list = lists.get(e.type);
      if (list) list.push(e);
      else lists.set(e.type, [e]);
    }
    return new EventIndex(new Map([...lists].map(([t, l]) => [t, new TypeEvents(l)])));
  }

  /** Events of `ref` at or before `now`, in time order. Shared: callers must not modify it. */
  select(ref: Pick<EventRef, 'event' | 'where'>, now: number, hidden?: Hidden): readonly CaseEvent[] {
    return this.byType.get(ref.event)?.select(ref.where, now, hidden) ?? NONE;
  }

  pick(ref: EventRef, now: number, hidden?: Hidden): CaseEvent | undefined {
    const all = this.select(ref, now, hidden);
    return ref.which === 'last' ? all[all.length - 1] : all[0];
  }

  /** The same events, except that those of `type` are only `events`. */
  replacing(type: string, events: CaseEvent[]): EventIndex {
    return new EventIndex(new Map(this.byType).set(type, new TypeEvents(events)));
  }

  /** Every subject's view for one attribute: the events of the types in `carrying` count only
   *  where the attribute has the subject's value. Subjects are keyed by `String(value)`. */
  bySubject(attribute: string, carrying: (type: string) => boolean): (subject: string) => EventIndex {
    const shared = new Map<string, TypeEvents>();
    const own = new Map<string, Map<string, CaseEvent[]>>();
    for (const [type, list] of this.byType) {
      if (!carrying(type)) {
        shared.set(type, list);
        continue;
      }
      for (const e of list.events) {
        const subject = String(e.attrs[attribute]);
        let types = own.get(subject);
        if (!types) own.set(subject, (types = new Map()));
        const l = types.get(type);
        if (l) l.push(e);
        else types.set(type, [e]);
      }
    }
    return (subject) => {
      const byType = new Map(shared);
      for (const [type, l] of own.get(subject) ?? []) byType.set(type, new TypeEvents(l));
      return new EventIndex(byType);
    };
  }
}
