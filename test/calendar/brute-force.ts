// A minute-by-minute model of a calendar, written independently of engine/calendar: every UTC minute
// of a window gets its local wall time (from luxon's offsets) and an open/closed flag, then running
// sums answer the clocks by plain lookups. Slow to build, obviously right, cheap to query.
import { DateTime } from 'luxon';
import { toLuxonZone } from '../../engine/calendar/index.ts';

const MIN = 60_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface ModelSpec {
  zone: string;
  /** window start (a whole minute) and length in minutes */
  start: number;
  minutes: number;
  /** business day by local date 'YYYY-MM-DD' */
  isBusinessDay: (date: string) => boolean;
  /** 'mon' → ["09:00-18:00"]; undefined = open all day on business days */
  hours?: Record<string, string[]>;
  /** dates worked although their weekday is not a business weekday */
  extraWorking?: ReadonlySet<string>;
  /** business weekdays, to find the schedule an extra working day follows */
  days?: readonly string[];
}

interface Clock {
  open: Uint8Array;
  /** prefix[i] = open minutes before minute i */
  prefix: Int32Array;
  nextOpen: Int32Array;
  nextClosed: Int32Array;
}

export interface Model {
  spec: ModelSpec;
  start: number;
  end: number;
  hours: Clock;
  days: Clock;
}

/** Offset in minutes for every minute of the window: sampled every 6 h, refined per minute where it changes. */
function minuteOffsets(zone: string, start: number, minutes: number): Int16Array {
  const z = toLuxonZone(zone);
  const off = (i: number) => DateTime.fromMillis(start + i * MIN, { zone: z }).offset;
  const out = new Int16Array(minutes);
  const STEP = 360;
  let prev = off(0);
  for (let i = 0; i < minutes; i += STEP) {
    const j = Math.min(i + STEP, minutes - 1);
    const next = off(j);
    if (next === prev) out.fill(prev, i, j + 1);
    else for (let k = i; k <= j; k++) out[k] = off(k);
    prev = next;
  }
  return out;
}

function toMinutes(range: string): [number, number] {
  const [a, b] = range.split('-');
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
  return [m(a), m(b)];
}

function isoDate(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function clockOf(open: Uint8Array): Clock {
  const n = open.length;
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + open[i];
  const nextOpen = new Int32Array(n + 1).fill(-1);
  const nextClosed = new Int32Array(n + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    nextOpen[i] = open[i] ? i : nextOpen[i + 1];
    nextClosed[i] = open[i] ? nextClosed[i + 1] : i;
  }
  return { open, prefix, nextOpen, nextClosed };
}

export function buildModel(spec: ModelSpec): Model {
  const offs = minuteOffsets(spec.zone, spec.start, spec.minutes);
  const windows = new Map<string, [number, number][]>();
  for (const [wd, list] of Object.entries(spec.hours ?? {})) windows.set(wd, list.map(toMinutes));
  const ordinary =
    WEEKDAYS.filter((w) => spec.days?.includes(w))
      .map((w) => windows.get(w) ?? [])
      .find((w) => w.length > 0) ?? [];
  const business = new Map<number, boolean>();
  const hoursOpen = new Uint8Array(spec.minutes);
  const daysOpen = new Uint8Array(spec.minutes);
  const startMin = spec.start / MIN;
  for (let i = 0; i < spec.minutes; i++) {
    const local = startMin + i + offs[i];
    const day = Math.floor(local / 1440);
    const wall = local - day * 1440;
    let b = business.get(day);
    if (b === undefined) {
      b = spec.isBusinessDay(isoDate(day));
      business.set(day, b);
    }
    if (!b) continue;
    daysOpen[i] = 1;
    const wd = WEEKDAYS[(((day + 4) % 7) + 7) % 7];
    let w: [number, number][] | undefined = spec.hours ? (windows.get(wd) ?? []) : [[0, 1440]];
    if (spec.hours && w.length === 0 && spec.extraWorking?.has(isoDate(day)) && !spec.days?.includes(wd)) w = ordinary;
    if (w.some(([a, z]) => wall >= a && wall < z)) hoursOpen[i] = 1;
  }
  return { spec, start: spec.start, end: spec.start + spec.minutes * MIN, hours: clockOf(hoursOpen), days: clockOf(daysOpen) };
}

/** Open time from the window start to t (ms). */
export function openBefore(c: Clock, m: Model, t: number): number {
  const i = Math.floor((t - m.start) / MIN);
  return c.prefix[i] * MIN + c.open[i] * (t - m.start - i * MIN);
}

export const isOpen = (c: Clock, m: Model, t: number) => c.open[Math.floor((t - m.start) / MIN)] === 1;

/** undefined when the answer lies beyond the window. */
export function nextOpen(c: Clock, m: Model, t: number): number | undefined {
  const i = Math.floor((t - m.start) / MIN);
  if (c.open[i]) return t;
  const j = c.nextOpen[i];
  return j < 0 ? undefined : m.start + j * MIN;
}

export function nextClose(c: Clock, m: Model, t: number): number | undefined {
  const i = Math.floor((t - m.start) / MIN);
  const k = c.open[i] ? i : c.nextOpen[i];
  if (k < 0) return undefined;
  const j = c.nextClosed[k];
  return j < 0 ? undefined : m.start + j * MIN;
}

/** The first instant at which d ms of open time have run since t; undefined beyond the window. */
export function add(c: Clock, m: Model, t: number, d: number): number | undefined {
  if (d === 0) return t;
  const target = openBefore(c, m, t) + d;
  const n = c.open.length;
  if (c.prefix[n] * MIN < target) return undefined;
  // smallest minute i whose end brings the total to the target
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (c.prefix[mid + 1] * MIN >= target) hi = mid;
    else lo = mid + 1;
  }
  return m.start + lo * MIN + (target - c.prefix[lo] * MIN);
}
