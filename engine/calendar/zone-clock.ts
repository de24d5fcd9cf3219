// Offsets of a zone as plain numbers: each UTC year's offset changes are found once (sampling and
// bisection through luxon), then lookups and local ↔ epoch conversions are arithmetic. luxon's
// Intl-backed lookup costs ~14 µs, too slow for inner loops.
import { IANAZone } from 'luxon';
import { invalidZone, SlaError } from '../diagnostics/index.ts';
import { civilFromDays, daysFromCivil, DAY_MS, HOUR_MS, MINUTE_MS, upperBound } from './civil.ts';
import { parseFixedOffset, zoneProblem } from './zone.ts';

/** A stretch of time [s, e) with one UTC offset `off` (ms). */
export interface Segment {
  s: number;
  e: number;
  off: number;
}

// Offsets stay within ±18 h, so a local day lies within this margin of its "UTC" day.
const MARGIN = 18 * HOUR_MS;

/** Offset lookups and local ↔ epoch conversion for one zone, on plain numbers. */
export interface ZoneClock {
  readonly zone: string;
  offsetMs(t: number): number;
  /** [from, to) cut where the offset changes. */
  segments(from: number, to: number): Segment[];
  /** The local date (day number) of an instant. */
  localDay(t: number): number;
  /** The first instant of a local date. */
  dayStart(day: number): number;
  /**
   * The instant of a local wall time. A wall time that occurs twice takes `preferOffset` if it is one
   * of them, else the earlier; one skipped by a DST gap moves forward by the gap (as luxon does).
   */
  wallToEpoch(day: number, msOfDay: number, preferOffset?: number): number;
}

abstract class BaseClock implements ZoneClock {
  constructor(readonly zone: string) {}
  abstract offsetMs(t: number): number;
  abstract segments(from: number, to: number): Segment[];
  /** An instant after `t` up to which the offset is surely `offsetMs(t)` (the next change, or
   *  sooner): where no change falls in a window, conversions need no segments. */
  protected abstract steadyUntil(t: number): number;

  localDay(t: number): number {
    return Math.floor((t + this.offsetMs(t)) / DAY_MS);
  }

  dayStart(day: number): number {
    const l0 = day * DAY_MS;
    // one offset over the window: its only segment's answer
    if (this.steadyUntil(l0 - MARGIN) >= l0 + DAY_MS + MARGIN) return Math.max(l0 - MARGIN, l0 - this.offsetMs(l0 - MARGIN));
    for (const g of this.segments(l0 - MARGIN, l0 + DAY_MS + MARGIN)) {
      const t = Math.max(g.s, l0 - g.off);
      if (t < g.e) return t;
    }
    return l0 - this.offsetMs(l0);
  }

  wallToEpoch(day: number, msOfDay: number, preferOffset?: number): number {
    const l = day * DAY_MS + msOfDay;
    // one offset over the window: its only segment holds the wall time once
    if (this.steadyUntil(l - MARGIN) >= l + MARGIN) return l - this.offsetMs(l - MARGIN);
    const segs = this.segments(l - MARGIN, l + MARGIN);
    let first: number | undefined;
    for (const g of segs) {
      const t = l - g.off;
      if (t >= g.s && t < g.e) {
        if (g.off === preferOffset) return t;
        first ??= t;
      }
    }
    if (first !== undefined) return first;
    for (let k = 0; k + 1 < segs.length; k++) {
      if (l - segs[k].off >= segs[k].e && l - segs[k + 1].off < segs[k + 1].s) return l - segs[k].off;
    }
    return l - this.offsetMs(l);
  }
}

class FixedClock extends BaseClock {
  private readonly off: number;
  constructor(zone: string, minutes: number) {
    super(zone);
    this.off = minutes * MINUTE_MS;
  }
  offsetMs(): number {
    return this.off;
  }
  protected steadyUntil(): number {
    return Infinity;
  }
  segments(from: number, to: number): Segment[] {
    return [{ s: from, e: to, off: this.off }];
  }
}

interface YearTable {
  from: number;
  until: number;
  starts: number[];
  offs: number[];
}

// Sampling step for transitions: no zone changes its offset twice within two days.
const SAMPLE_MS = 2 * DAY_MS;

class IanaClock extends BaseClock {
  private readonly tz: IANAZone;
  private readonly years = new Map<number, YearTable>();
  private last: YearTable | undefined;

  constructor(zone: string) {
    super(zone);
    this.tz = IANAZone.create(zone);
  }

  private raw(t: number): number {
    return Math.round(this.tz.offset(t) * MINUTE_MS);
  }

  private table(t: number): YearTable {
    const last = this.last;
    if (last && t >= last.from && t < last.until) return last;
    const y = civilFromDays(Math.floor(t / DAY_MS))[0];
    let tab = this.years.get(y);
    if (!tab) {
      tab = this.build(y);
      this.years.set(y, tab);
    }
    this.last = tab;
    return tab;
  }

  /** Offset changes within one UTC year, found by sampling and bisection to the second. */
  private build(y: number): YearTable {
    const from = daysFromCivil(y, 1, 1) * DAY_MS;
    const until = daysFromCivil(y + 1, 1, 1) * DAY_MS;
    const starts = [from];
    const offs = [this.raw(from)];
    let lo = from;
    while (lo < until) {
      const hi = Math.min(lo + SAMPLE_MS, until);
      const prev = offs[offs.length - 1];
      const oh = this.raw(hi);
      if (oh === prev || hi === until) {
        if (oh !== prev && hi === until) this.bisect(lo, hi, prev, starts, offs);
        lo = hi;
        continue;
      }
      this.bisect(lo, hi, prev, starts, offs);
      lo = starts[starts.length - 1];
    }
    // a change exactly at `until` belongs to the next year's table
    while (starts.length > 1 && starts[starts.length - 1] >= until) {
      starts.pop();
      offs.pop();
    }
    return { from, until, starts, offs };
  }

  private bisect(lo: number, hi: number, prev: number, starts: number[], offs: number[]): void {
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.raw(mid) === prev) lo = mid;
      else hi = mid;
    }
    starts.push(hi);
    offs.push(this.raw(hi));
  }

  offsetMs(t: number): number {
    const tab = this.table(t);
    return tab.offs[upperBound(tab.starts, t) - 1];
  }

  protected steadyUntil(t: number): number {
    const tab = this.table(t);
    const i = upperBound(tab.starts, t);
    return i < tab.starts.length ? tab.starts[i] : tab.until;
  }

  segments(from: number, to: number): Segment[] {
    const out: Segment[] = [];
    let s = from;
    let off = this.offsetMs(from);
    while (s < to) {
      const tab = this.table(s);
      const i = upperBound(tab.starts, s);
      const next = i < tab.starts.length ? tab.starts[i] : tab.until;
      const nextOff = i < tab.starts.length ? tab.offs[i] : this.offsetMs(tab.until);
      if (next >= to) break;
      if (nextOff !== off) {
        out.push({ s, e: next, off });
        s = next;
        off = nextOff;
      } else {
        // same offset across a table edge: extend the segment
        const e = next;
        if (e <= s) break;
        out.push({ s, e, off });
        s = e;
      }
    }
    out.push({ s, e: to, off });
    // merge neighbours with the same offset
    const merged: Segment[] = [];
    for (const g of out) {
      const m = merged[merged.length - 1];
      if (m && m.off === g.off && m.e === g.s) m.e = g.e;
      else if (g.e > g.s) merged.push({ ...g });
    }
    return merged;
  }
}

const clocks = new Map<string, ZoneClock>();

/** The (cached) clock of a zone; throws SLA3007 for a zone that checkZone rejects. */
export function zoneClock(zone: string): ZoneClock {
  let c = clocks.get(zone);
  if (!c) {
    const p = zoneProblem(zone);
    if (p) throw new SlaError([invalidZone(p)]);
    const fixed = parseFixedOffset(zone);
    c = fixed !== undefined ? new FixedClock(zone, fixed) : new IanaClock(zone);
    clocks.set(zone, c);
  }
  return c;
}
