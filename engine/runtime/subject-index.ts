// The values one attribute takes among a case's events, found in one pass and numbered, so that
// what is kept per subject (a view's lists, a deadline's instance) is kept in arrays by number
// instead of in maps keyed by the value's text.
import type { CaseEvent } from '../case/case-model.ts';

export class SubjectIndex {
  /** the distinct values among the events that carry the attribute, in order of appearance */
  readonly listed: readonly string[];
  /** every value an event gives (`String` of the attribute, carried or not), by number */
  readonly keys: readonly string[];
  private readonly ids: Map<string, number>;
  /** the number of each value of `listed`, by its place there */
  private readonly listedIds: readonly number[];
  /** the place in `listed` of the value `id` was last asked about */
  private asked = -1;
  /** each event's value's number, by the event's `index` */
  private readonly idOf: number[];
  /** per value, free for one computation at a time to note a place in (left all -1) */
  private scratch?: number[];

  constructor(attribute: string, events: readonly CaseEvent[]) {
    let size = 0;
    for (const e of events) if (e.index >= size) size = e.index + 1;
    const idOf = new Array<number>(size).fill(0);
    const ids = new Map<string, number>();
    const keys: string[] = [];
    const listed: string[] = [];
    const listedIds: number[] = [];
    // per number, whether its value is listed: not while only events lacking the attribute gave it
    const isListed: boolean[] = [];
    for (const e of events) {
      const key = String(e.attrs[attribute]);
      let id = ids.get(key);
      if (id === undefined) {
        ids.set(key, (id = keys.push(key) - 1));
        isListed.push(false);
      }
      if (!isListed[id] && Object.hasOwn(e.attrs, attribute)) {
        isListed[id] = true;
        listed.push(key);
        listedIds.push(id);
      }
      idOf[e.index] = id;
    }
    this.idOf = idOf;
    this.ids = ids;
    this.keys = keys;
    this.listed = listed;
    this.listedIds = listedIds;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number of a value; undefined when no event gives it. Views are asked for in the order
   *  listed, so the value after the one asked about last is tried before the map. */
  id(value: string): number | undefined {
    const next = this.asked + 1;
    if (this.listed[next] === value) {
      this.asked = next;
      return this.listedIds[next];
    }
    return this.ids.get(value);
  }

  /** The number of the value an event of the case gives. */
  of(e: CaseEvent): number {
    return this.idOf[e.index];
  }

  /** A -1 per value, to be left as found: no computation using it asks another that does. */
  places(): number[] {
    return (this.scratch ??= new Array<number>(this.size).fill(-1));
  }
}
