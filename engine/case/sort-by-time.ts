// Putting a case's events in time order in time linear in their number: a comparison sort costs
// n·log n comparisons, each a call, and a case of ten thousand tickets listed ticket by ticket is
// far from time order. A long list is sorted by the digits of its instants instead, least
// significant first (a radix sort): whole milliseconds since the earliest event, 11 bits a pass,
// as many passes as the case's span needs (at most 4: instants lie in 1900–2200, under 2^44 ms).
import type { CaseEvent } from './case-model.ts';

const BITS = 11;
const RADIX = 1 << BITS;
const DIGIT = RADIX - 1;
/** Two digits: the instants are split into halves of this size, small integers that bit
 *  operations take at once (a double beyond 2^31 is cut to 32 bits the slow way). */
const HALF = 2 ** (2 * BITS);
/** Below this many events the passes over the digits' counts cost more than comparing. */
const SHORT = 512;

const byTime = (a: CaseEvent, b: CaseEvent) => a.at - b.at || a.index - b.index;

/** Sorts `events` in place by time, then by index. Events at the same instant must come in the
 *  order of their index already: each pass keeps the order of events whose digits are equal. */
export function sortByTime(events: CaseEvent[]): void {
  const n = events.length;
  if (n < SHORT) {
    events.sort(byTime);
    return;
  }
  let min = Infinity;
  let max = -Infinity;
  for (const e of events) {
    if (e.at < min) min = e.at;
    if (e.at > max) max = e.at;
  }
  const low = new Int32Array(n);
  const high = new Int32Array(n);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const ms = events[i].at - min;
    high[i] = Math.floor(ms / HALF);
    low[i] = ms - high[i] * HALF;
    order[i] = i;
  }
  // The passes move the events' positions, in a typed array; the events themselves move once.
  let moved = new Int32Array(n);
  const count = new Int32Array(RADIX);
  for (let pass = 0; pass < 4 && max - min >= 2 ** (BITS * pass); pass++) {
    const half = pass < 2 ? low : high;
    const shift = (pass % 2) * BITS;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(half[i] >> shift) & DIGIT]++;
    for (let d = 0, sum = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = order[i];
      moved[count[(half[k] >> shift) & DIGIT]++] = k;
    }
    [order, moved] = [moved, order];
  }
  const given = events.slice();
  for (let i = 0; i < n; i++) events[i] = given[order[i]];
}
