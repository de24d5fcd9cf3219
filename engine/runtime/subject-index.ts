// The values one attribute takes among a case's events, numbered as they are met, so that what is
// kept per subject (a view's share of a list, a deadline's instance) is kept in arrays by number
// instead of in maps keyed by the value's text.
import type { CaseEvent } from '../case/case-model.ts';

const TYPED_FROM = 256;

export class SubjectIndex {
  /** every value numbered so far (`String` of the attribute, carried or not), by number */
  readonly keys: string[] = [];
  private readonly ids = new Map<string, number>();
  /** each event's value's number, by the event's `index` (-1: not numbered yet) */
  private readonly idOf: number[] | Int32Array;
  private listing?: { values: string[]; ids: number[] };
  /** the place in `listed` of the value `id` was last asked about */
  private asked = -1;
  private allNumbered = false;

  /** `end`: past the highest `index` of the events */
  constructor(
    private readonly attribute: string,
    private readonly events: readonly CaseEvent[],
    end: number,
  ) {
    // a typed array costs more to make, an array more to use once long
    this.idOf = (end > TYPED_FROM ? new Int32Array(end) : new Array<number>(end)).fill(-1);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The distinct values among the events that carry the attribute, in order of appearance. */
  get listed(): readonly string[] {
    return (this.listing ??= this.list()).values;
  }

  private list(): { values: string[]; ids: number[] } {
    const values: string[] = [];
    const ids: number[] = [];
    const isListed: boolean[] = [];
    const events = this.events;
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      if (!Object.hasOwn(e.attrs, this.attribute)) continue;
      const id = this.of(e);
      if (!isListed[id]) {
        isListed[id] = true;
        values.push(this.keys[id]);
        ids.push(id);
      }
    }
    return { values, ids };
  }

  /** The number of a value; undefined when no event gives it. Views are asked for in the order
   *  listed, so the value after the one asked about last is tried first. */
  id(value: string): number | undefined {
    const listing = (this.listing ??= this.list());
    const next = this.asked + 1;
    if (listing.values[next] === value) {
      this.asked = next;
      return listing.ids[next];
    }
    // a value no event carries may still be given by one lacking the attribute (`String(undefined)`)
    if (!this.ids.has(value) && !this.allNumbered) {
      for (const e of this.events) this.of(e);
      this.allNumbered = true;
    }
    return this.ids.get(value);
  }

  /** The number of the value an event of the case gives, numbered when first asked. */
  of(e: CaseEvent): number {
    const id = this.idOf[e.index];
    if (id >= 0) return id;
    const key = String(e.attrs[this.attribute]);
    let n = this.ids.get(key);
    if (n === undefined) this.ids.set(key, (n = this.keys.push(key) - 1));
    this.idOf[e.index] = n;
    return n;
  }
}
