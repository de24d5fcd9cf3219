// The values one attribute takes among a case's events, found in one pass and numbered, so that
// what is kept per subject (a view's lists, a deadline's instance) is kept in arrays by number
// instead of in maps keyed by the value's text.
import type { CaseEvent } from '../case/case-model.ts';

export class SubjectIndex {
  /** the distinct values among the events that carry the attribute, in order of appearance */
  readonly listed: readonly string[];
  /** every value an event gives (`String` of the attribute, carried or not), by number */
  readonly keys: readonly string[];
  private readonly ids = new Map<string, number>();
  /** each event's value's number, by the event's `index` */
  private readonly idOf: Int32Array;
  /** per value, free for one computation at a time to note a place in (left all -1) */
  private scratch?: Int32Array;

  constructor(attribute: string, events: readonly CaseEvent[]) {
    let size = 0;
    for (const e of events) if (e.index >= size) size = e.index + 1;
    this.idOf = new Int32Array(size);
    const keys: string[] = [];
    const listed: string[] = [];
    // whether each value is listed yet: all but those only some event lacking the attribute gives
    let unlisted: Set<number> | undefined;
    for (const e of events) {
      const key = String(e.attrs[attribute]);
      const carried = Object.hasOwn(e.attrs, attribute);
      let id = this.ids.get(key);
      if (id === undefined) {
        this.ids.set(key, (id = keys.push(key) - 1));
        if (carried) listed.push(key);
        else (unlisted ??= new Set()).add(id);
      } else if (carried && unlisted?.delete(id)) listed.push(key);
      this.idOf[e.index] = id;
    }
    this.keys = keys;
    this.listed = listed;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number of a value; undefined when no event gives it. */
  id(value: string): number | undefined {
    return this.ids.get(value);
  }

  /** The number of the value an event of the case gives. */
  of(e: CaseEvent): number {
    return this.idOf[e.index];
  }

  /** A -1 per value, to be left as found: no computation using it asks another that does. */
  places(): Int32Array {
    return (this.scratch ??= new Int32Array(this.size).fill(-1));
  }
}
