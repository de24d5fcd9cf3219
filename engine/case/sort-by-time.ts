// Putting a case's events in time order in time linear in their number: a comparison sort costs
// n·log n comparisons, each a call, and a case of ten thousand tickets listed ticket by ticket is
// far from time order. A long list is sorted by the digits of its instants instead, least
// significant first (a radix sort): whole milliseconds since the earliest event, 11 bits a pass,
// as many passes as the case's span needs (at most 4: instants lie in 1900–2200, under 2^44 ms).
import type { CaseEvent } from './case-model.ts';

const BITS = 11;
const RADIX = 1 << BITS;
const DIGIT = RADIX - 1;
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
  // the instants in a typed array, moved along with the events: each pass reads them in a row
  // rather than through every event's object
  let keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const at = events[i].at;
    keys[i] = at;
    if (at < min) min = at;
    if (at > max) max = at;
  }
  let from = events;
  let to = events.slice();
  let keysTo = new Float64Array(n);
  const count = new Int32Array(RADIX);
  // the digit of (at - min) at `scale` (a power of RADIX): `& DIGIT` keeps its low bits
  for (let scale = 1; scale <= max - min; scale *= RADIX) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((keys[i] - min) / scale) & DIGIT]++;
    for (let d = 0, sum = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = count[((keys[i] - min) / scale) & DIGIT]++;
      to[j] = from[i];
      keysTo[j] = keys[i];
    }
    [from, to] = [to, from];
    [keys, keysTo] = [keysTo, keys];
  }
  if (from !== events) for (let i = 0; i < n; i++) events[i] = from[i];
}
