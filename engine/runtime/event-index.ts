// A case's events indexed once per evaluation: by type (in time order), each type's question
// answers memoised. A subject's view shares the lists (and answers) of the types that do not carry
// the subject attribute and holds only its own events of the types that do, so building every
// subject's view costs one pass over the events, not one per subject.
import type { CaseEvent } from '../case/case-model.ts';
import type { Hidden } from '../compile/fact-params.ts';
import { COMPARISONS, comparisonsIn } from '../ir/operators.ts';
import type { AttributeComparison, EventRef } from '../ir/schema.ts';
import { builtinOperators } from './operators.ts';
import { SubjectIndex } from './subject-index.ts';

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

/** Every subject's share of the lists of the types that carry an attribute, each list grouped by
 *  subject on first use: one array of its events in subject order, and where each subject's begin. */
class SubjectLists {
  private grouped?: ({ order: readonly CaseEvent[]; starts: number[] } | null)[];
  constructor(
    private readonly subjects: SubjectIndex,
    /** by position: the lists the views are made of */
    private readonly sources: readonly (readonly CaseEvent[])[],
  ) {}

  /** The events of list `at` the subject numbered `subject` gives (none: -1). */
  list(at: number, subject: number): readonly CaseEvent[] {
    if (subject < 0) return NONE;
    const grouped = (this.grouped ??= []);
    let g = grouped[at];
    if (g === undefined) grouped[at] = g = this.group(this.sources[at]);
    if (g === null) return NONE;
    const from = g.starts[subject];
    const to = g.starts[subject + 1];
    return from === to ? NONE : g.order.slice(from, to);
  }

  /** A counting sort by subject; time order kept within a subject's. */
  private group(all: readonly CaseEvent[]): { order: readonly CaseEvent[]; starts: number[] } | null {
    if (!all.length) return null;
    const subjects = this.subjects;
    // numbered first, so that every number is below `n`
    for (let k = 0; k < all.length; k++) subjects.of(all[k]);
    const n = subjects.size;
    // counts, then where each subject's events end; placing them from the last moves that to where they begin
    const starts = new Array<number>(n + 1).fill(0);
    for (let k = 0; k < all.length; k++) starts[subjects.of(all[k])]++;
    for (let i = 1; i <= n; i++) starts[i] += starts[i - 1];
    const order = new Array<CaseEvent>(all.length);
    for (let k = all.length - 1; k >= 0; k--) order[--starts[subjects.of(all[k])]] = all[k];
    return { order, starts };
  }
}

/** The case's events, as the index of the whole case keeps them. */
interface WholeCase {
  readonly events: readonly CaseEvent[];
  /** past the highest event `index` */
  readonly end: number;
  /** per attribute, the values the events give */
  subjects?: Map<string, SubjectIndex>;
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
    /** its lists, or every subject's share of them (this index's: `subject`'s) */
    private readonly lists: readonly (readonly CaseEvent[])[] | SubjectLists,
    private readonly parent?: EventIndex,
    private readonly subject = -1,
    /** on the index of the whole case: its events */
    private readonly whole?: WholeCase,
  ) {}

  static of(events: readonly CaseEvent[]): EventIndex {
    const types = new Map<string, number>();
    const lists: CaseEvent[][] = [];
    let end = 0;
    // an index loop: it runs once per evaluation, mostly before V8 optimises it, when `for…of` makes an object per event
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      const at = types.get(e.type);
      if (at !== undefined) lists[at].push(e);
      else types.set(e.type, lists.push([e]) - 1);
      if (e.index >= end) end = e.index + 1;
    }
    return new EventIndex(types, lists, undefined, -1, { events, end });
  }

  /** Every type some index of the chain holds. */
  private typeNames(): string[] {
    return [...this.types.keys(), ...(this.parent?.typeNames() ?? [])];
  }

  /** The answers about the list of `type` this index sees: its own, or the ancestor's that holds it. */
  private typeEvents(type: string): TypeEvents | undefined {
    const at = this.types.get(type);
    if (at === undefined) return this.parent?.typeEvents(type);
    const made = this.made?.[at];
    if (made) return made;
    const lists = this.lists;
    const list = lists instanceof SubjectLists ? lists.list(at, this.subject) : lists[at];
    // none for no events: nothing to answer or keep (a subject's view, mostly)
    return list.length ? ((this.made ??= [])[at] = new TypeEvents(list)) : undefined;
  }

  /** The index whose list of `type` this one sees: itself or an ancestor. */
  private holder(type: string): EventIndex | undefined {
    return this.types.has(type) ? this : this.parent?.holder(type);
  }

  /** Whether this index sees the events of `type` as `other` does (the same list, the same answers). */
  sameAs(other: EventIndex, type: string): boolean {
    // a view asked about the index it was made of (a subject's, mostly) sees it unless it holds the type
    if (this.parent === other) return !this.types.has(type);
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

  /** The values of `attribute` among the case's events, numbered (once per case and attribute). */
  subjects(attribute: string): SubjectIndex {
    if (this.parent) return this.parent.subjects(attribute);
    const whole = this.whole!;
    const known = (whole.subjects ??= new Map());
    let s = known.get(attribute);
    if (!s) known.set(attribute, (s = new SubjectIndex(attribute, whole.events, whole.end)));
    return s;
  }

  /** Every subject's view for one attribute: the events of the types in `carrying` count only
   *  where the attribute has the subject's value. Subjects are keyed by `String(value)`. A view
   *  is one small object; its share of a list is found when it first asks about that list. */
  bySubject(attribute: string, carrying: (type: string) => boolean): (subject: string) => EventIndex {
    const subjects = this.subjects(attribute);
    const types = new Map<string, number>();
    const sources: (readonly CaseEvent[])[] = [];
    for (const type of this.typeNames()) if (!types.has(type) && carrying(type)) types.set(type, sources.push(this.typeEvents(type)?.events ?? NONE) - 1);
    const lists = new SubjectLists(subjects, sources);
    return (subject) => new EventIndex(types, lists, this, subjects.id(subject) ?? -1);
  }
}
