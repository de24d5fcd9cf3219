// The Relokia policy written out by hand as one TypeScript function: the baseline the evaluator is
// compared with in evaluate.bench.ts. It answers the same fields as the evaluator for a case
// (deadline instances, entitlements' allowed/limit/used/remaining/until, the refund) on plain
// epoch-millisecond arithmetic: no rules, no explanations, no case validation beyond parsing
// instants. Kyiv wall time follows the EU rule (UTC+2, UTC+3 from the last Sunday of March to the
// last Sunday of October, switching at 01:00 UTC); the policy's business calendar is Monday to
// Friday, whole days, no holidays.
import { parseInstant } from '../engine/calendar/index.ts';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

type Scalar = string | number | boolean;

export interface RawCase {
  at: string;
  plans: { support: 'standard' | 'premium' | 'signature' };
  facts?: Record<string, Scalar>;
  events?: ({ type: string; at: string } & Record<string, Scalar>)[];
}

export interface HandDeadline {
  id: string;
  subject?: string;
  due: number;
  status: 'pending' | 'met' | 'breached';
  metAt?: number;
}

export interface HandEntitlement {
  id: string;
  allowed: boolean;
  limit?: number | null;
  used?: number;
  remaining?: number | null;
  until?: number | null;
  [field: string]: unknown;
}

export interface HandAnswer {
  deadlines: HandDeadline[];
  entitlements: HandEntitlement[];
  refund: { eligible: boolean; percent: number; amount: number };
}

export interface Ev {
  type: string;
  at: number;
  attrs: Record<string, Scalar>;
}

// ── Kyiv wall time ────────────────────────────────────────────────────────────────────────────

/** ms of the last Sunday of a month (0-based) at 01:00 UTC */
function lastSunday0100(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY + HOUR;
}

const dstCache = new Map<number, [number, number]>();
function kyivOffset(ms: number): number {
  const y = new Date(ms).getUTCFullYear();
  let s = dstCache.get(y);
  if (!s) dstCache.set(y, (s = [lastSunday0100(y, 2), lastSunday0100(y, 9)]));
  return ms >= s[0] && ms < s[1] ? 3 * HOUR : 2 * HOUR;
}

/** the instant of a Kyiv wall time given as "local ms" (wall clock read as if it were UTC) */
function fromLocal(local: number): number {
  const guess = local - kyivOffset(local - 2 * HOUR);
  return local - kyivOffset(guess);
}

/** n calendar days later at the same Kyiv wall time */
const addDays = (ms: number, n: number) => fromLocal(ms + kyivOffset(ms) + n * DAY);

/** n business days (Monday to Friday, whole days) on the business-day clock */
function addBusinessDays(ms: number, n: number): number {
  let local = ms + kyivOffset(ms);
  let left = n * DAY;
  for (;;) {
    const day = Math.floor(local / DAY);
    const weekday = (day + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    const end = (day + 1) * DAY;
    if (weekday !== 0 && weekday !== 6) {
      if (left <= end - local) return fromLocal(local + left);
      left -= end - local;
    }
    local = end;
  }
}

/** opening hours per weekday (0 = Sunday) as [from, until) minutes of the day */
type Week = [number, number][][];
const h = (a: number, b: number): [number, number] => [a * 60, b * 60];
const weekdays = (hours: [number, number][], weekend: [number, number][]): Week => [weekend, hours, hours, hours, hours, hours, weekend];
const SUPPORT_CENTER = weekdays([h(8, 24)], [h(12, 20)]);
const STANDARD_SUPPORT = weekdays([h(9, 18)], []);
const PREMIUM_SUPPORT = weekdays([h(8, 24)], [h(10, 12), h(18, 20)]);
const DELTA_START = weekdays([h(9, 21)], []);

function isOpen(week: Week, ms: number): boolean {
  const local = ms + kyivOffset(ms);
  const day = Math.floor(local / DAY);
  const minute = (local - day * DAY) / MIN;
  for (const [a, b] of week[(day + 4) % 7]) if (minute >= a && minute < b) return true;
  return false;
}

/** first day of the Kyiv calendar month an instant falls in, as a key */
function monthKey(ms: number): number {
  const d = new Date(ms + kyivOffset(ms));
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

// ── the policy ────────────────────────────────────────────────────────────────────────────────

const ARCHIVE_DAYS = { standard: 3, premium: 5, signature: 10 } as const;

/** deadline instances: one per subject (or one), from the first start event, stopped by the first stop at or after it */
function instances(events: Ev[], start: string, stop: string, subject: string | undefined, now: number, due: (at: number) => number): HandDeadline[] {
  const out: HandDeadline[] = [];
  const seen = new Set<string>();
  for (const s of events) {
    if (s.at > now) break;
    if (s.type !== start) continue;
    const key = subject === undefined ? '' : String(s.attrs[subject]);
    if (seen.has(key)) continue;
    seen.add(key);
    const d = due(s.at);
    let stopAt: number | undefined;
    for (const e of events) {
      if (e.at > now) break;
      if (e.type === stop && e.at >= s.at && (subject === undefined || String(e.attrs[subject]) === key)) {
        stopAt = e.at;
        break;
      }
    }
    const status = stopAt !== undefined ? (stopAt <= d ? 'met' : 'breached') : now > d ? 'breached' : 'pending';
    const item: HandDeadline = { id: '', ...(subject !== undefined ? { subject: key } : {}), due: d, status };
    if (stopAt !== undefined && stopAt <= d) item.metAt = stopAt;
    out.push(item);
    if (subject === undefined) break;
  }
  return out;
}

export interface ParsedCase {
  at: number;
  plan: RawCase['plans']['support'];
  facts: Record<string, Scalar>;
  /** in time order */
  events: Ev[];
}

/** The case with its instants as epoch ms, events in time order and attribute defaults applied. */
export function parseRelokiaCase(c: RawCase): ParsedCase {
  const events: Ev[] = [];
  for (const e of c.events ?? []) {
    const { type, at: when, ...attrs } = e;
    if (type === 'issue_reported') {
      attrs.verified ??= false;
      attrs.kind ??= 'other';
    }
    events.push({ type, at: parseInstant(when) as number, attrs });
  }
  events.sort((a, b) => a.at - b.at); // stable: ties keep the case's order
  return { at: parseInstant(c.at) as number, plan: c.plans.support, facts: c.facts ?? {}, events };
}

/** The Relokia answer for a raw case (as parsed from YAML or JSON). */
export const handWrittenRelokia = (c: RawCase): HandAnswer => answerRelokia(parseRelokiaCase(c));

/** The Relokia answer for a parsed case. */
export function answerRelokia({ at, plan, facts, events }: ParsedCase): HandAnswer {
  /** the first event of a type at or before `now` */
  const first = (type: string, now = at): Ev | undefined => {
    for (const e of events) {
      if (e.at > now) return undefined;
      if (e.type === type) return e;
    }
    return undefined;
  };
  const count = (type: string, after?: number): number => {
    let n = 0;
    for (const e of events) {
      if (e.at > at) break;
      if (e.type === type && (after === undefined || e.at > after)) n++;
    }
    return n;
  };

  // deadlines
  const firstResponse = instances(events, 'ticket_opened', 'ticket_answered', 'ticket', at, (t) => t + 24 * HOUR);
  const deadlines: HandDeadline[] = [
    ...firstResponse.map((d) => ({ ...d, id: 'first_response' })),
    ...instances(events, 'custom_service_paid', 'custom_service_delivered', undefined, at, (t) => addBusinessDays(t, 2)).map((d) => ({
      ...d,
      id: 'custom_service',
    })),
    ...instances(events, 'full_migration_completed', 'access_restricted', undefined, at, (t) => addDays(t, 5)).map((d) => ({ ...d, id: 'change_passwords' })),
  ];

  // entitlements
  const completed = first('full_migration_completed');
  const payment = first('payment');
  const delivered = first('custom_service_delivered');
  const demo = first('demo_migration_completed');
  const stopped = first('support_stopped') !== undefined;
  const archivedAt = completed ? addDays(completed.at, ARCHIVE_DAYS[plan]) : null;
  const limited = (limit: number, used: number) => ({ limit, used, remaining: Math.max(0, limit - used) });
  /** a window opened by an event, closing a number of days after it */
  const window = (opener: Ev | undefined, days: number) => {
    const until = opener ? addDays(opener.at, days) : null;
    return { open: opener !== undefined && until! > at, until };
  };
  const entitlements: HandEntitlement[] = [];

  {
    const w = window(completed, ARCHIVE_DAYS[plan]);
    const used = completed ? count('re_migration', completed.at) : 0;
    entitlements.push({ id: 're_migration', allowed: w.open && used < 1, ...limited(1, used), until: w.until });
  }
  if (plan === 'signature') {
    const w = window(completed, 10);
    const used = completed ? count('delta_migration', completed.at) : 0;
    entitlements.push({ id: 'delta_migration', allowed: w.open && used < 1, ...limited(1, used), until: w.until, starts_now: isOpen(DELTA_START, at) });
  } else entitlements.push({ id: 'delta_migration', allowed: false });
  if (plan === 'signature') {
    let lastPause: Ev | undefined;
    let resumed = false;
    for (const e of events) {
      if (e.at > at) break;
      if (e.type === 'migration_paused') [lastPause, resumed] = [e, false];
      else if (e.type === 'migration_resumed' && lastPause) resumed = true;
    }
    const pausedSince = lastPause && !resumed ? lastPause.at : null;
    const used = count('migration_paused');
    entitlements.push({
      id: 'interval_pause',
      allowed: pausedSince === null && used < 5,
      ...limited(5, used),
      ...(pausedSince !== null ? { until: addDays(pausedSince, 5) } : {}),
    });
  } else entitlements.push({ id: 'interval_pause', allowed: false });
  // from the start of the migration; while it runs the archive instant is still to come
  const migrationStarted = first('full_migration_started');
  const beforeArchive = archivedAt === null || at < archivedAt;
  entitlements.push({ id: 'report_migration_issue', allowed: migrationStarted !== undefined && beforeArchive, until: archivedAt });
  {
    // kept through the period, and afterwards once a problem was reported during the migration or the period
    const reported = events.some(
      (e) =>
        e.type === 'issue_reported' &&
        e.at <= at &&
        migrationStarted !== undefined &&
        e.at >= migrationStarted.at &&
        (archivedAt === null || e.at < archivedAt),
    );
    entitlements.push({ id: 'migration_information_kept', allowed: migrationStarted !== undefined && (beforeArchive || reported) });
  }
  entitlements.push({ id: 'custom_migration', allowed: demo !== undefined && first('demo_access_granted') !== undefined });
  {
    const w = window(delivered, 7);
    entitlements.push({ id: 'custom_service_fixes', allowed: w.open, until: w.until });
  }
  {
    const w = window(payment, 30);
    entitlements.push({ id: 'start_full_migration', allowed: w.open && !first('full_migration_started'), until: w.until });
  }
  {
    const perMonth = new Map<number, number>();
    for (const d of firstResponse) if (d.status === 'breached') perMonth.set(monthKey(d.due), (perMonth.get(monthKey(d.due)) ?? 0) + 1);
    let max = 0;
    for (const n of perMonth.values()) max = Math.max(max, n);
    entitlements.push({ id: 'terminate_without_penalty', allowed: max > 5 });
  }
  entitlements.push({ id: 'support_center_open', allowed: isOpen(SUPPORT_CENTER, at) });
  entitlements.push({ id: 'standard_support_open', allowed: plan === 'standard' && !stopped && isOpen(STANDARD_SUPPORT, at) });
  entitlements.push({ id: 'premium_support_open', allowed: plan !== 'standard' && !stopped && isOpen(PREMIUM_SUPPORT, at) });
  entitlements.push({ id: 'weekend_holiday_tech_support', allowed: plan === 'signature' && !stopped });
  entitlements.push({ id: 'on_demand_weekend_support', allowed: !stopped && Number(facts.weekend_support_hours ?? 3) >= 3 });
  {
    // per ticket, in the order tickets first appear
    const tickets: string[] = [];
    for (const e of events) if (e.at <= at && e.attrs.ticket !== undefined && !tickets.includes(String(e.attrs.ticket))) tickets.push(String(e.attrs.ticket));
    for (const ticket of tickets) {
      const used = events.filter((e) => e.at <= at && e.type === 'clarification_sent' && String(e.attrs.ticket) === ticket).length;
      entitlements.push({ id: 'clarification_contacts', subject: ticket, allowed: !stopped && used < 3, ...limited(3, used) });
    }
  }
  entitlements.push({ id: 'support', allowed: !stopped });
  {
    const used = Number(facts.discount_codes_applied ?? 0);
    entitlements.push({ id: 'discount_code', allowed: !payment && used < 1, ...limited(1, used) });
  }
  {
    const w = window(demo, 7);
    entitlements.push({ id: 'demo_migration_support', allowed: w.open, until: w.until });
  }
  {
    // kept for 30 days, or longer when the Full Data Migration was initiated within them
    const w = window(demo, 30);
    const startedInTime = w.until !== null && events.some((e) => e.type === 'full_migration_started' && e.at <= at && e.at < w.until!);
    entitlements.push({ id: 'demo_data_kept', allowed: demo !== undefined && (w.open || startedInTime) });
  }

  // refund, as of the request (the first refund_requested, else `at`)
  const request = first('refund_requested')?.at ?? at;
  const started = first('full_migration_started', request) !== undefined;
  const paid = first('payment', request);
  let percent = 0;
  if (!started && paid && addDays(paid.at, 30) > request)
    percent = 95; // unused
  else if (!started && paid)
    percent = 0; // unused after the payment's 30 days
  else if (started && facts.source_type !== 'database_dump' && facts.client_interference !== true && facts.maintenance_obstructed !== true) {
    // data_issue: an issue of Relokia's, verified, a data corruption, reported before the archive
    // and not resolved within 3 business days by the request; issues excluded by fault or kind are
    // ignored (an issue id's first report counts)
    const hidden = (e: Ev) =>
      e.attrs.fault === 'client' || e.attrs.fault === 'third_party' || e.attrs.fault === 'platform' || e.attrs.kind === 'reports_or_settings';
    const done = first('full_migration_completed', request);
    const archived = done ? addDays(done.at, ARCHIVE_DAYS[plan]) : null;
    const seen = new Set<string>();
    if (archived !== null)
      for (const s of events) {
        if (s.at > request) break;
        if (s.type !== 'issue_reported' || hidden(s)) continue;
        const issue = String(s.attrs.issue);
        if (seen.has(issue)) continue;
        seen.add(issue);
        if (s.attrs.fault !== 'vendor' || s.attrs.verified !== true || s.attrs.kind !== 'data_corruption' || s.at >= archived) continue;
        const due = addBusinessDays(s.at, 3);
        let resolved: number | undefined;
        for (const e of events) {
          if (e.at > request) break;
          if (e.type === 'issue_resolved' && e.at >= s.at && String(e.attrs.issue) === issue) {
            resolved = e.at;
            break;
          }
        }
        if (resolved !== undefined ? resolved > due : request > due) {
          percent = 30;
          break;
        }
      }
  }
  const basis = typeof facts.migration_price === 'number' ? facts.migration_price : 0;
  return { deadlines, entitlements, refund: { eligible: percent > 0, percent, amount: Math.round(basis * percent) / 100 } };
}
