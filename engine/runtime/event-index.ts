// A case's events indexed once per evaluation: by type (in time order), each type's question
// answers memoised. A subject's view shares the lists (and answers) of the types that do not carry
// the subject attribute and holds only its own events of the types that do, so building every
// subject's view costs one pass over the events, not one per subject.
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

const NONE: readonly CaseEvent[] = [];

/** Answers by `now`: a case asks at one or two instants (`at`, the refund request), so the first
 *  answer is kept in two fields and a map is made only for more. */
class ByNow {
  private now = 0;
  private answer: readonly CaseEvent[] | undefined = undefined;
  private more: Map<number, readonly CaseEvent[]> | undefined = undefined;

  get(now: number): readonly CaseEvent[] | undefined {
    return this.answer !== undefined && this.now === now ? this.answer : this.more?.get(now);
  }

  set(now: number, answer: readonly CaseEvent[]): void {
    if (this.answer === undefined) {
      this.now = now;
      this.answer = answer;
    } else (this.more ??= new Map()).set(now, answer);
  }
}

/** The text of a `hidden` list, made once per list object (the compiled rules' params are reused). */
const hiddenTexts = new WeakMap<Hidden, string>();
export function hiddenKey(hidden: Hidden): string {
  let key = hiddenTexts.get(hidden);
  if (key === undefined) hiddenTexts.set(hidden, (key = JSON.stringify(hidden)));
  return key;
}

/** One type's events in time order, with the answers already given about them. */
class TypeEvents {
  // Answers per `where` object (the policy's, asked again and again; none: `plain`), by `now`;
  // with hidden events, per hidden list's text as well. (Maps, not weak ones: these answers
  // live for one evaluation, the policy's objects longer.)
  private plain?: ByNow;
  private byWhere?: Map<object, ByNow>;
  private byHidden?: Map<string, { plain?: ByNow; byWhere: Map<object, ByNow> }>;
  constructor(readonly events: readonly CaseEvent[]) {}

  select(where: Where, now: number, hidden: Hidden | undefined): readonly CaseEvent[] {
    let byNow: ByNow | undefined;
    if (hidden) {
      this.byHidden ??= new Map();
      const key = hiddenKey(hidden);
      let h = this.byHidden.get(key);
      if (!h) this.byHidden.set(key, (h = { byWhere: new Map() }));
      if (!where) byNow = h.plain ??= new ByNow();
      else if (!(byNow = h.byWhere.get(where))) h.byWhere.set(where, (byNow = new ByNow()));
    } else if (!where) byNow = this.plain ??= new ByNow();
    else {
      this.byWhere ??= new Map();
      if (!(byNow = this.byWhere.get(where))) this.byWhere.set(where, (byNow = new ByNow()));
    }
    const hit = byNow.get(now);
    if (hit) return hit;
    const out = this.compute(where, now, hidden);
    byNow.set(now, out);
    return out;
  }

  private compute(where: Where, now: number, hidden: Hidden | undefined): readonly CaseEvent[] {
    const end = countUpTo(this.events, now);
    if (!where && !hidden) return end === this.events.length ? this.events : this.events.slice(0, end);
    const out: CaseEvent[] = [];
    for (let i = 0; i < end; i++) {
      const e = this.events[i];
      if (matchesWhere(e, where) && !isHidden(e, hidden)) out.push(e);
    }
    return out;
  }
}

/** A case's events by type. A view (a subject's, or one with a type's events replaced) holds
 *  only the types it sees differently and asks its parent for the rest, so it shares the
 *  parent's lists and their memoised answers; a subject's view is one small object. */
export class EventIndex {
  /** the answers about each list, made when the list is first asked about */
  private made?: TypeEvents[];

  private constructor(
    /** the position in `lists` of each type this index holds */
    private readonly types: ReadonlyMap<string, number>,
    private readonly lists: readonly (readonly CaseEvent[])[],
    private readonly parent?: EventIndex,
  ) {}

  static of(events: readonly CaseEvent[]): EventIndex {
    const types = new Map<string, number>();
    const lists: CaseEvent[][] = [];
    for (const e of events) {
      const at = types.get(e.type);
      if (at !== undefined) lists[at].push(e);
      else types.set(e.type, lists.push([e]) - 1);
    }
    return new EventIndex(types, lists);
  }

  /** Every type some index of the chain holds. */
  private typeNames(): string[] {
    return [...this.types.keys(), ...(this.parent?.typeNames() ?? [])];
  }

  /** The answers about the list of `type` this index sees: its own, or the ancestor's that holds it. */
  private typeEvents(type: string): TypeEvents | undefined {
    const at = this.types.get(type);
    if (at === undefined) return this.parent?.typeEvents(type);
    return ((this.made ??= [])[at] ??= new TypeEvents(this.lists[at]));
  }

  /** The index whose list of `type` this one sees: itself or an ancestor. */
  private holder(type: string): EventIndex | undefined {
    return this.types.has(type) ? this : this.parent?.holder(type);
  }

  /** Whether this index sees the events of `type` as `other` does (the same list, the same answers). */
  sameAs(other: EventIndex, type: string): boolean {
    return this.holder(type) === other.holder(type);
  }

  /** Events of `ref` at or before `now`, in time order. Shared: callers must not modify it. */
  select(ref: Pick<EventRef, 'event' | 'where'>, now: number, hidden?: Hidden): readonly CaseEvent[] {
    return this.typeEvents(ref.event)?.select(ref.where, now, hidden) ?? NONE;
  }

  pick(ref: EventRef, now: number, hidden?: Hidden): CaseEvent | undefined {
    const all = this.select(ref, now, hidden);
    return ref.which === 'last' ? all[all.length - 1] : all[0];
  }

  /** The same events, except that those of `type` are only `events`. */
  replacing(type: string, events: readonly CaseEvent[]): EventIndex {
    return new EventIndex(new Map([[type, 0]]), [events], this);
  }

  /** Every subject's view for one attribute: the events of the types in `carrying` count only
   *  where the attribute has the subject's value. Subjects are keyed by `String(value)`. One pass
   *  over the events of those types; a view holds its own lists of them and shares the rest. */
  bySubject(attribute: string, carrying: (type: string) => boolean): (subject: string) => EventIndex {
    const types = new Map<string, number>();
    for (const type of this.typeNames()) if (!types.has(type) && carrying(type)) types.set(type, types.size);
    // per subject, its events of each carrying type (none: the shared empty list)
    const own = new Map<string, (readonly CaseEvent[])[]>();
    for (const [type, at] of types)
      for (const e of this.typeEvents(type)?.events ?? NONE) {
        const subject = String(e.attrs[attribute]);
        let lists = own.get(subject);
        if (!lists) own.set(subject, (lists = new Array<readonly CaseEvent[]>(types.size).fill(NONE)));
        if (lists[at] === NONE) lists[at] = [e];
        else (lists[at] as CaseEvent[]).push(e);
      }
    const nothing = new Array<readonly CaseEvent[]>(types.size).fill(NONE);
    return (subject) => new EventIndex(types, own.get(subject) ?? nothing, this);
  }
}
