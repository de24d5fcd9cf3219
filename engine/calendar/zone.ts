// Time zones: validation with suggestions, and a fast offset table per zone so that the clocks work
// on plain numbers (luxon's Intl-backed offset lookup costs ~14 µs, too slow for inner loops).
import { IANAZone } from 'luxon';
import { diagnostic, nearest, SlaError } from '../diagnostics/index.ts';
import { civilFromDays, daysFromCivil, DAY_MS, HOUR_MS, MINUTE_MS, upperBound } from './civil.ts';

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Offset in minutes of a canonical fixed offset "+02:00", else undefined. */
export function parseFixedOffset(zone: string): number | undefined {
  const m = FIXED_OFFSET.exec(zone);
  if (!m) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 14 || min > 59 || (h === 14 && min > 0)) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(Math.round(minutes));
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

// Abbreviations name no place and hide DST rules; each maps to a representative zone and its
// standard offset.
const ABBREVIATIONS: Record<string, [string, string]> = {
  EST: ['America/New_York', '-05:00'], EDT: ['America/New_York', '-04:00'],
  CST: ['America/Chicago', '-06:00'], CDT: ['America/Chicago', '-05:00'],
  MST: ['America/Denver', '-07:00'], MDT: ['America/Denver', '-06:00'],
  PST: ['America/Los_Angeles', '-08:00'], PDT: ['America/Los_Angeles', '-07:00'],
  AKST: ['America/Anchorage', '-09:00'], HST: ['Pacific/Honolulu', '-10:00'],
  EST5EDT: ['America/New_York', '-05:00'], CST6CDT: ['America/Chicago', '-06:00'],
  MST7MDT: ['America/Denver', '-07:00'], PST8PDT: ['America/Los_Angeles', '-08:00'],
  WET: ['Europe/Lisbon', '+00:00'], WEST: ['Europe/Lisbon', '+01:00'], BST: ['Europe/London', '+01:00'],
  CET: ['Europe/Berlin', '+01:00'], CEST: ['Europe/Berlin', '+02:00'], MET: ['Europe/Berlin', '+01:00'],
  EET: ['Europe/Kyiv', '+02:00'], EEST: ['Europe/Kyiv', '+03:00'], MSK: ['Europe/Moscow', '+03:00'],
  IRST: ['Asia/Tehran', '+03:30'], IRDT: ['Asia/Tehran', '+04:30'], IST: ['Asia/Kolkata', '+05:30'],
};

let zoneNames: string[] | undefined;
function knownZoneNames(): string[] {
  if (!zoneNames) {
    const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
    zoneNames = [...(supported ? supported('timeZone') : []), 'Europe/Kyiv', 'UTC'];
  }
  return zoneNames;
}

export interface ZoneProblem {
  message: string;
  help?: string;
}

/** Why a zone string is not accepted, with a suggestion; undefined if it is valid. */
export function zoneProblem(zone: string): ZoneProblem | undefined {
  if (typeof zone !== 'string' || zone.length === 0) return { message: 'empty time zone', help: 'use an IANA zone such as Europe/Kyiv, or an offset such as +02:00' };
  if (FIXED_OFFSET.test(zone)) {
    return parseFixedOffset(zone) === undefined
      ? { message: `offset "${zone}" is out of range`, help: 'offsets run from -14:00 to +14:00, minutes 00–59' }
      : undefined;
  }
  const offsetLike = /^(?:(?:GMT|UTC|UT|Z)\s*)?([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(zone.trim());
  if (offsetLike) {
    const mins = (offsetLike[1] === '+' ? 1 : -1) * (Number(offsetLike[2]) * 60 + Number(offsetLike[3] ?? 0));
    return {
      message: `"${zone}" is not a time zone`,
      help: `write a fixed offset as "${formatOffset(mins)}"`,
    };
  }
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(zone);
  if (etc && Number(etc[2]) !== 0) {
    // POSIX-style names invert the sign: Etc/GMT+2 is two hours *behind* UTC.
    const mins = (etc[1] === '+' ? -1 : 1) * Number(etc[2]) * 60;
    return {
      message: `"${zone}" means UTC${formatOffset(mins).replace('-', '−')} (the sign of Etc/GMT zones is inverted)`,
      help: `write "${formatOffset(mins)}" for that offset, or "${formatOffset(-mins)}" if UTC${etc[1]}${etc[2]} was meant`,
    };
  }
  const abbr = ABBREVIATIONS[zone.toUpperCase()];
  if (abbr) {
    return {
      message: `"${zone}" is an abbreviation, not a time zone`,
      help: `use an IANA zone such as ${abbr[0]}, or a fixed offset such as "${abbr[1]}"`,
    };
  }
  if (zone.trim() !== zone) return { message: `time zone "${zone}" has surrounding spaces`, help: `write "${zone.trim()}"` };
  if (IANAZone.isValidZone(zone)) return undefined;
  const near = nearest(zone, knownZoneNames());
  return {
    message: `unknown time zone "${zone}"`,
    help: near ? `did you mean "${near}"?` : 'use an IANA zone such as Europe/Kyiv, or an offset such as +02:00',
  };
}

/** undefined if the zone is valid, else a message with a suggestion. */
export function checkZone(zone: string): string | undefined {
  const p = zoneProblem(zone);
  return p && (p.help ? `${p.message}: ${p.help}` : p.message);
}

/** The zone name luxon understands: "+02:00" → "UTC+2", IANA names unchanged. */
export function toLuxonZone(zone: string): string {
  const off = parseFixedOffset(zone);
  if (off === undefined) return zone;
  if (off === 0) return 'UTC';
  const a = Math.abs(off);
  return `UTC${off < 0 ? '-' : '+'}${Math.floor(a / 60)}${a % 60 ? `:${String(a % 60).padStart(2, '0')}` : ''}`;
}

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

  localDay(t: number): number {
    return Math.floor((t + this.offsetMs(t)) / DAY_MS);
  }

  dayStart(day: number): number {
    const l0 = day * DAY_MS;
    for (const g of this.segments(l0 - MARGIN, l0 + DAY_MS + MARGIN)) {
      const t = Math.max(g.s, l0 - g.off);
      if (t < g.e) return t;
    }
    return l0 - this.offsetMs(l0);
  }

  wallToEpoch(day: number, msOfDay: number, preferOffset?: number): number {
    const l = day * DAY_MS + msOfDay;
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
    if (p) throw new SlaError([diagnostic('SLA3007', p.message, p.help ? { help: p.help } : {})]);
    const fixed = parseFixedOffset(zone);
    c = fixed !== undefined ? new FixedClock(zone, fixed) : new IanaClock(zone);
    clocks.set(zone, c);
  }
  return c;
}
