// Instants as text: ISO 8601 with an explicit offset, in and out.
import { quoteValue } from '../diagnostics/quote-value.ts';
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth, formatDay } from './civil.ts';
import { MAX_INSTANT, MIN_INSTANT } from './limits.ts';
import { zoneClock, type ZoneClock } from './zone-clock.ts';
import { formatOffset, parseFixedOffset } from './zone.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// An answer writes the same few instants many times (`at`, due times in explanations), and answers
// to similar cases (the same case at another `at`, mostly) write the same ones again: the latest
// texts of each zone are kept in a table indexed by a hash of the instant, which a hit reads and a
// miss overwrites without allocating. A table that has missed more often than it has slots does
// not hold what its zone's answers write: it is made four times larger, up to 65 536 slots, so a case
// of ten thousand tickets is written from it as a case of a hundred is.
const MIN_BITS = 12;
const MAX_BITS = 16;
class Written {
  at = new Float64Array(1 << MIN_BITS).fill(NaN);
  text: string[] = new Array<string>(1 << MIN_BITS).fill('');
  /** 32 − log2(slots): the hash's top bits index the table */
  shift = 32 - MIN_BITS;
  misses = 0;
  constructor(readonly clock: ZoneClock) {}

  grow(): void {
    const bits = Math.min(MAX_BITS, 32 - this.shift + 2);
    this.at = new Float64Array(1 << bits).fill(NaN);
    this.text = new Array<string>(1 << bits).fill('');
    this.shift = 32 - bits;
    this.misses = 0;
  }
}
const MAX_ZONES = 8;
const written = new Map<string, Written>();
// an answer writes all its instants in its policy's zone: that zone's table is kept at hand
let lastZone = '';
let lastWritten: Written | undefined;

/** ISO 8601 with milliseconds and the zone's offset at that instant: "2025-03-08T21:30:00.000+02:00". */
export function formatInstant(ms: number, zone: string): string {
  let w = zone === lastZone ? lastWritten : written.get(zone);
  if (w === undefined) {
    const clock = zoneClock(zone);
    if (written.size >= MAX_ZONES) written.clear();
    written.set(zone, (w = new Written(clock)));
  }
  lastZone = zone;
  lastWritten = w;
  const hash = Math.imul((ms / 1000) | 0, 0x9e3779b1);
  const slot = hash >>> w.shift;
  if (w.at[slot] === ms) return w.text[slot];
  const text = writeInstant(ms, w.clock);
  if (++w.misses > w.at.length && w.shift > 32 - MAX_BITS) w.grow();
  const into = hash >>> w.shift;
  w.at[into] = ms;
  w.text[into] = text;
  return text;
}

const digit = (n: number) => 48 + n;

function writeInstant(ms: number, clock: ZoneClock): string {
  const off = clock.offsetMs(ms);
  const local = ms + off;
  const day = Math.floor(local / DAY_MS);
  const [y, m, d] = civilFromDays(day);
  let r = local - day * DAY_MS;
  const hh = Math.floor(r / 3_600_000);
  r -= hh * 3_600_000;
  const mm = Math.floor(r / 60_000);
  r -= mm * 60_000;
  const ss = Math.floor(r / 1000);
  const mss = r - ss * 1000;
  const minutes = off / 60_000;
  const a = Math.abs(Math.round(minutes));
  const oh = Math.floor(a / 60);
  const om = a % 60;
  // The text's characters at once: one flat string, not a chain of joined pieces.
  if (y >= 1000 && y <= 9999 && oh < 100 && Number.isInteger(mss))
    return String.fromCharCode(
      digit(Math.floor(y / 1000)),
      digit(Math.floor(y / 100) % 10),
      digit(Math.floor(y / 10) % 10),
      digit(y % 10),
      45,
      digit(Math.floor(m / 10)),
      digit(m % 10),
      45,
      digit(Math.floor(d / 10)),
      digit(d % 10),
      84,
      digit(Math.floor(hh / 10)),
      digit(hh % 10),
      58,
      digit(Math.floor(mm / 10)),
      digit(mm % 10),
      58,
      digit(Math.floor(ss / 10)),
      digit(ss % 10),
      46,
      digit(Math.floor(mss / 100)),
      digit(Math.floor(mss / 10) % 10),
      digit(mss % 10),
      minutes < 0 ? 45 : 43,
      digit(Math.floor(oh / 10)),
      digit(oh % 10),
      58,
      digit(Math.floor(om / 10)),
      digit(om % 10),
    );
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}:${pad(ss)}.${pad(mss, 3)}${formatOffset(minutes)}`;
}

/** The local date 'YYYY-MM-DD' of an instant in a zone. */
export function localDate(ms: number, zone: string): string {
  return formatDay(zoneClock(zone).localDay(ms));
}

const MAX_INSTANT_TEXT = 40;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

// The fast path reads the form answers are written in — "2025-03-08T21:30:00.000+02:00", with or
// without the milliseconds, or with Z — by character codes; anything else (and any value out of
// range) goes to the strict parser, which also words the errors.
const [DASH, COLON, DOT, PLUS, T, Z] = ['-', ':', '.', '+', 'T', 'Z'].map((c) => c.charCodeAt(0));

/** The two digits at i, i + 1 as a number; -1 when either is not a digit. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

// The day number of the first of each month from January 1900 to January 2200 (the instants the
// clocks work with), so that the fast path reads a date's day number, and its month's length, from
// the table instead of computing them.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
let monthStarts: Int32Array | undefined;
function monthStartTable(): Int32Array {
  const t = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 12 + 1);
  for (let k = 0; k < t.length; k++) t[k] = daysFromCivil(FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1);
  return t;
}

function fastInstant(s: string): number | undefined {
  const n = s.length;
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return undefined;
  if (s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH || s.charCodeAt(10) !== T || s.charCodeAt(13) !== COLON || s.charCodeAt(16) !== COLON)
    return undefined;
  const century = two(s, 0);
  const yy = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  const y = century * 100 + yy;
  if (century < 0 || yy < 0 || y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
    return undefined;
  const starts = (monthStarts ??= monthStartTable());
  const month = (y - FIRST_YEAR) * 12 + mo - 1;
  const first = starts[month];
  if (d > starts[month + 1] - first) return undefined;
  let i = 19;
  let frac = 0;
  if (n === 24 || n === 29) {
    const hundreds = s.charCodeAt(20) - 48;
    const rest = two(s, 21);
    if (s.charCodeAt(19) !== DOT || hundreds < 0 || hundreds > 9 || rest < 0) return undefined;
    frac = hundreds * 100 + rest;
    i = 23;
  }
  let off = 0;
  if (n - i === 1) {
    if (s.charCodeAt(i) !== Z) return undefined;
  } else {
    const sign = s.charCodeAt(i);
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if ((sign !== PLUS && sign !== DASH) || s.charCodeAt(i + 3) !== COLON || oh < 0 || om < 0 || om > 59 || oh > 14 || (oh === 14 && om > 0)) return undefined;
    off = (sign === DASH ? -(oh * 60 + om) : oh * 60 + om) * 60_000;
  }
  const ms = (first + d - 1) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + frac - off;
  return ms >= MIN_INSTANT && ms < MAX_INSTANT ? ms : undefined;
}

/** Epoch ms of an ISO 8601 instant that carries an offset or Z; else `{ error }` saying why. */
export function parseInstant(s: string): number | { error: string } {
  if (typeof s !== 'string') return { error: 'an instant is a string such as 2025-03-08T10:00:00+02:00' };
  return fastInstant(s) ?? strictInstant(s);
}

/** The full parser: every form the contract accepts, and the reason for any it does not. */
export function strictInstant(s: string): number | { error: string } {
  const text = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return { error: `${text} is a date without a time; write an instant such as ${text}T00:00:00+02:00` };
  }
  // No instant is longer; a longer text is not echoed whole.
  const m = text.length <= MAX_INSTANT_TEXT ? INSTANT.exec(text) : null;
  if (!m) return { error: `${quoteValue(text)} is not an ISO 8601 instant; write e.g. 2025-03-08T10:00:00+02:00` };
  if (!m[8] && !m[9]) return { error: `${text} has no offset; add one such as +02:00 or Z` };
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  // Milliseconds are the first three digits: digits beyond are cut, never rounded into the next second.
  const frac = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return { error: `${text}: ${m[1]}-${m[2]}-${m[3]} is not a date` };
  if (h > 23 || mi > 59 || sec > 59) return { error: `${text}: ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''} is not a time of day (00:00 to 23:59:59)` };
  let off = 0;
  if (m[9]) {
    // The offsets a policy's zone may have, so a case can say any instant an answer can.
    const minutes = parseFixedOffset(`${m[9]}${m[10]}:${m[11]}`);
    if (minutes === undefined) return { error: `${text}: ${m[9]}${m[10]}:${m[11]} is not an offset (offsets run from -14:00 to +14:00)` };
    off = minutes * 60_000;
  }
  const ms = daysFromCivil(y, mo, d) * DAY_MS + ((h * 60 + mi) * 60 + sec) * 1000 + frac - off;
  if (ms < MIN_INSTANT || ms >= MAX_INSTANT) return { error: `${text} is outside the supported range (1900 to 2200)` };
  return ms;
}
