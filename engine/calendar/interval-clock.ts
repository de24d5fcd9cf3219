// A clock that runs only inside given windows of each local day. Each local year becomes one block:
// its open intervals in epoch ms with running totals, built once. Questions are then binary searches
// on numbers, and a long duration only adds one block total per year crossed.
import { civilFromDays, DAY_MS, daysFromCivil, HOUR_MS, lowerBound, upperBound } from './civil.ts';
import { checkInstant, checkSpan, LIMIT_MS, LIMIT_YEARS, outOfRange } from './limits.ts';
import type { Windows } from './week-hours.ts';
import type { ZoneClock } from './zone-clock.ts';

const MARGIN = 18 * HOUR_MS;

interface Block {
  year: number;
  /** first instant of the local year, and of the next one */
  spanStart: number;
  spanEnd: number;
  starts: Float64Array;
  ends: Float64Array;
  /** open time before interval i, and up to its end */
  cum: Float64Array;
  cumEnd: Float64Array;
  total: number;
}

export class IntervalClock {
  private readonly blocks = new Map<number, Block>();
  private last: Block | undefined;

  constructor(
    private readonly zone: ZoneClock,
    private readonly windowsOf: (day: number) => Windows,
    /** names the clock in diagnostics, e.g. `calendar "business" (working hours)` */
    private readonly label: string,
  ) {}

  isOpen(t: number): boolean {
    checkInstant(t);
    const b = this.blockAt(t);
    const i = upperBound(b.starts, t) - 1;
    return i >= 0 && t < b.ends[i];
  }

  /** t if open, else the start of the next open interval. */
  nextOpen(t: number): number {
    checkInstant(t);
    let b = this.blockAt(t);
    const i = upperBound(b.starts, t) - 1;
    if (i >= 0 && t < b.ends[i]) return t;
    let j = i + 1;
    while (j >= b.starts.length) {
      b = this.following(b, t, 'never opens');
      j = 0;
    }
    return b.starts[j];
  }

  /** The end of the open interval containing t, or of the next one if closed at t. */
  nextClose(t: number): number {
    checkInstant(t);
    let b = this.blockAt(t);
    let i = upperBound(b.starts, t) - 1;
    if (!(i >= 0 && t < b.ends[i])) {
      i++;
      while (i >= b.starts.length) {
        b = this.following(b, t, 'never opens');
        i = 0;
      }
    }
    let end = b.ends[i];
    // an interval running to the end of the year may continue into the next block
    while (i === b.starts.length - 1 && end === b.spanEnd) {
      const nb = this.following(b, t, 'never closes');
      if (nb.starts.length === 0 || nb.starts[0] !== end) break;
      b = nb;
      i = 0;
      end = b.ends[0];
    }
    return end;
  }

  /** Open time in [from, to); negative if to is before from. */
  between(from: number, to: number): number {
    checkInstant(from);
    checkInstant(to);
    if (to < from) return 0 - this.between(to, from); // 0 - x: no -0
    if (to - from > LIMIT_MS) throw outOfRange(`${this.label}: the span to measure is longer than ${LIMIT_YEARS} years`);
    const a = this.blockAt(from);
    const wa = this.openBefore(a, from);
    const b = this.blockAt(to);
    if (a === b) return this.openBefore(b, to) - wa;
    let sum = a.total - wa;
    for (let y = a.year + 1; y < b.year; y++) sum += this.block(y).total;
    return sum + this.openBefore(b, to);
  }

  /** The first instant at which `duration` ms of open time have run since t. */
  add(t: number, duration: number): number {
    checkInstant(t);
    checkSpan(duration, `${this.label}: the duration`);
    if (duration === 0) return t;
    let b = this.blockAt(t);
    let target = this.openBefore(b, t) + duration;
    while (target > b.total) {
      target -= b.total;
      b = this.following(b, t, `has less than ${+(duration / HOUR_MS).toFixed(3)} hours of open time`);
    }
    const i = lowerBound(b.cumEnd, target);
    return b.starts[i] + (target - b.cum[i]);
  }

  private openBefore(b: Block, t: number): number {
    const i = upperBound(b.starts, t) - 1;
    return i < 0 ? 0 : b.cum[i] + Math.min(t, b.ends[i]) - b.starts[i];
  }

  /** The next year's block, unless that goes past the bound measured from `origin`. */
  private following(b: Block, origin: number, what: string): Block {
    if (b.spanEnd - origin > LIMIT_MS) {
      throw outOfRange(
        `${this.label} ${what} within ${LIMIT_YEARS} years of ${new Date(origin).toISOString()}`,
        "check the calendar's days, hours and holidays, or the duration",
      );
    }
    return this.block(b.year + 1);
  }

  private blockAt(t: number): Block {
    const l = this.last;
    if (l && t >= l.spanStart && t < l.spanEnd) return l;
    let b = this.block(civilFromDays(this.zone.localDay(t))[0]);
    while (t < b.spanStart) b = this.block(b.year - 1);
    while (t >= b.spanEnd) b = this.block(b.year + 1);
    this.last = b;
    return b;
  }

  private block(year: number): Block {
    const cached = this.blocks.get(year);
    if (cached) return cached;
    const d0 = daysFromCivil(year, 1, 1);
    const d1 = daysFromCivil(year + 1, 1, 1);
    const segs = this.zone.segments(d0 * DAY_MS - MARGIN, d1 * DAY_MS + MARGIN);
    let starts: number[] = [];
    let ends: number[] = [];
    let sorted = true;
    for (let d = d0; d < d1; d++) {
      const w = this.windowsOf(d);
      if (w.length === 0) continue;
      const l0 = d * DAY_MS;
      // Each constant-offset stretch maps local times to instants linearly; a window's instants are
      // its local range shifted by the offset, cut to the stretch (a DST gap drops part of it, a
      // repeated hour yields it twice).
      for (const g of segs) {
        if (g.e <= l0 - MARGIN || g.s >= l0 + DAY_MS + MARGIN) continue;
        for (let k = 0; k < w.length; k += 2) {
          const lo = Math.max(g.s, l0 + w[k] - g.off);
          const hi = Math.min(g.e, l0 + w[k + 1] - g.off);
          if (lo >= hi) continue;
          const n = ends.length;
          if (n && ends[n - 1] === lo) ends[n - 1] = hi;
          else {
            if (n && lo < ends[n - 1]) sorted = false;
            starts.push(lo);
            ends.push(hi);
          }
        }
      }
    }
    if (!sorted) [starts, ends] = mergeIntervals(starts, ends);
    const n = starts.length;
    const cum = new Float64Array(n);
    const cumEnd = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      cum[i] = total;
      total += ends[i] - starts[i];
      cumEnd[i] = total;
    }
    const b: Block = {
      year,
      spanStart: this.zone.dayStart(d0),
      spanEnd: this.zone.dayStart(d1),
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      cum,
      cumEnd,
      total,
    };
    this.blocks.set(year, b);
    return b;
  }
}

function mergeIntervals(starts: number[], ends: number[]): [number[], number[]] {
  const order = starts.map((_, i) => i).sort((a, b) => starts[a] - starts[b]);
  const s: number[] = [];
  const e: number[] = [];
  for (const i of order) {
    const n = e.length;
    if (n && starts[i] <= e[n - 1]) e[n - 1] = Math.max(e[n - 1], ends[i]);
    else {
      s.push(starts[i]);
      e.push(ends[i]);
    }
  }
  return [s, e];
}
