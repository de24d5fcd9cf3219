// The case on a time axis: events, outages and pauses as bands, deadlines (started → due),
// entitlement windows (open → until, or their end where the answer gives no opening), and "now"
// (`at`) as a handle that re-evaluates the case as it is dragged.
// Beside it, the next instant the answer changes at, from the engine, with a button to go there.
import type { Answer } from '../../../engine/core.ts';
import type { ChangeInstant } from '../../../engine/changes/index.ts';
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { addEvent, caseValue, setInCase, type CaseValue } from '../case-edit.ts';
import { calendarWindows } from '../engine-client.ts';
import type { CalendarResult, CaseInterval } from '../worker/protocol.ts';
import { answer, caseSource, declarations, intervals, nextChange, policyFormat, policySource, scrubAt } from '../state.ts';
import { showDuration, showInstant, timeLeft } from './format.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** `ms` written with the fixed offset of `like` (an instant of the case), so edits keep its style */
function withOffsetOf(ms: number, like: string): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(like);
  if (!m) return new Date(ms).toISOString();
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return new Date(ms + offset * MINUTE).toISOString().slice(0, 19) + m[0];
}

function eventsOf(c: CaseValue) {
  return (Array.isArray(c.events) ? c.events : [])
    .map((e) => ({ type: String(e.type), at: Date.parse(String(e.at)), values: Object.values(e).map(String) }))
    .filter((e) => Number.isFinite(e.at));
}

/** The axis follows the case (its events and `at`), not the scrubbed instant, so it holds still while dragging. */
function axisRange(c: CaseValue | undefined): [number, number] | undefined {
  const caseAt = Date.parse(String(c?.at));
  if (!c || !Number.isFinite(caseAt)) return undefined;
  const times = [caseAt, ...eventsOf(c).map((e) => e.at)];
  return [Math.floor((Math.min(...times) - 6 * HOUR) / HOUR) * HOUR, Math.ceil((Math.max(...times) + 48 * HOUR) / HOUR) * HOUR];
}

interface Span {
  label: string;
  from?: number;
  to: number;
  kind: string;
  title: string;
}

/** Where a deadline's clock started: the answer says so (`started_at`); an answer without it is
 *  read as its subject's first event. */
function deadlineStart(d: Answer['deadlines'][number], events: { at: number; values: string[] }[]): number | undefined {
  if (d.started_at) return Date.parse(d.started_at);
  return d.subject !== undefined ? events.find((e) => e.values.includes(d.subject!))?.at : undefined;
}

const nameOf = (item: { id: string; subject?: string }) => `${item.id}${item.subject ? ` ${item.subject}` : ''}`;

function spansOf(a: Answer, events: { type: string; at: number; values: string[] }[]): Span[] {
  const out: Span[] = [];
  for (const d of a.deadlines)
    out.push({
      label: nameOf(d),
      from: deadlineStart(d, events),
      to: Date.parse(d.due),
      kind: d.status,
      title: `${nameOf(d)}: ${d.started_at ? `started ${showInstant(d.started_at)}, ` : ''}due ${showInstant(d.due)} (${d.status})`,
    });
  for (const e of a.entitlements) {
    if (typeof e.until !== 'string') continue;
    // `opens`, where the answer gives it, is the instant the window opened
    const opens = typeof e.opens === 'string' ? e.opens : undefined;
    out.push({
      label: opens ? nameOf(e) : `${nameOf(e)} until`,
      from: opens ? Date.parse(opens) : undefined,
      to: Date.parse(e.until),
      kind: e.allowed ? 'open' : 'closed',
      title: `${nameOf(e)}: ${opens ? `open ${showInstant(opens)} → ${showInstant(e.until)}` : `until ${showInstant(e.until)}`}`,
    });
  }
  return out;
}

/** An outage or a pause as a band from its start to its end (to now while it is still going on). */
function bandOf(i: CaseInterval, at: string, hi: number) {
  const now = Date.parse(at);
  const ongoing = i.until === null;
  const to = i.until ?? (i.from <= now ? now : hi);
  const span = `${showInstant(withOffsetOf(i.from, at))} → ${ongoing ? 'still going on' : showInstant(withOffsetOf(to, at))}`;
  const title = `${i.label}: ${span}${ongoing ? '' : ` (${showDuration(to - i.from)})`}${i.max ? `; at most ${i.max}` : ''}`;
  return { label: ongoing ? `${i.label} (ongoing)` : i.label, from: i.from, to, title };
}

/** A span's label after its end; near the right edge it ends where its span starts, so it is not cut off. */
function Label({ text, from, to, fraction, x }: { text: string; from: number; to: number; fraction: (t: number) => number; x: (t: number) => string }) {
  // after the span, or before it near the right edge; a span reaching both edges carries it over its start
  if (fraction(to) > 0.75 && fraction(from) < 0.25)
    return (
      <span class="span-label over" style={{ left: fraction(from) < 0 ? '0px' : x(from) }}>
        {text}
      </span>
    );
  return fraction(to) > 0.75 ? (
    <span class="span-label before" style={{ right: `calc(100% - ${x(from)})` }}>
      {text}
    </span>
  ) : (
    <span class="span-label" style={{ left: x(to) }}>
      {text}
    </span>
  );
}

/** what changes of an item: `T-2 status pending → breached` (after the item's id) */
const changeOf = (ch: ChangeInstant['changes'][number]) =>
  `${ch.subject ? `${ch.subject} ` : ''}${ch.field} ${String(ch.from ?? '—')} → ${String(ch.to ?? '—')}`;

const clickAdds = signal('');
// one formatter for every render: making one costs more than a whole frame's worth of labels
const DAY = new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabel = (t: number) => DAY.format(t);

/** The default calendar's working hours and holidays over the axis, asked for when the axis moves. */
function useCalendar(lo: number, hi: number): CalendarResult | undefined {
  const [cal, setCal] = useState<CalendarResult>();
  const source = policySource.value;
  const format = policyFormat.value;
  useEffect(() => {
    if (!(hi > lo)) return;
    const timer = setTimeout(async () => {
      const r = await calendarWindows({ kind: 'calendar', policy: { source, format }, from: lo, until: hi });
      if (r) setCal(r);
    }, 200);
    return () => clearTimeout(timer);
  }, [lo, hi, source, format]);
  return cal;
}

export function Timeline() {
  const c = caseValue(caseSource.value);
  const a = answer.value;
  const range = axisRange(c);
  const cal = useCalendar(range?.[0] ?? 0, range?.[1] ?? 0);
  if (!c || !a || !range) return null;
  const [lo, hi] = range;
  const events = eventsOf(c);
  const fraction = (t: number) => Math.min(Math.max((t - lo) / (hi - lo), 0), 1);
  const x = (t: number) => `${(fraction(t) * 100).toFixed(3)}%`;
  const now = Date.parse(a.at);
  const spans = spansOf(a, events).filter((s) => s.to >= lo && (s.from ?? s.to) <= hi);
  const bands = intervals.value.map((i) => ({ kind: i.kind, ...bandOf(i, a.at, hi) })).filter((b) => b.to >= lo && b.from <= hi);
  // a look-ahead from an earlier instant says nothing about the one being dragged to
  const next = scrubAt.value || (nextChange.value && Date.parse(nextChange.value.at) <= now) ? undefined : nextChange.value;
  const zone = declarations.value?.zone;
  const eventTypes = Object.keys(declarations.value?.events ?? {});
  const adds = eventTypes.includes(clickAdds.value) ? clickAdds.value : eventTypes[0];
  const days: number[] = [];
  for (let t = Math.ceil(lo / (24 * HOUR)) * 24 * HOUR; t <= hi; t += 24 * HOUR) days.push(t);

  return (
    <section class="pane timeline" data-testid="timeline">
      <header>
        <strong>Timeline</strong>
        <label>
          click adds{' '}
          <select aria-label="event added by a click on the axis" value={adds} onChange={(e) => (clickAdds.value = e.currentTarget.value)}>
            {eventTypes.map((t) => (
              <option value={t}>{t}</option>
            ))}
          </select>
        </label>
        <span class="now-label" data-testid="now">
          now: {showInstant(a.at)}
          {scrubAt.value ? ' (scrubbing)' : ''}
        </span>
      </header>
      {/* its own line, two lines high whatever it says, so the scrubber never moves under the pointer */}
      <p
        class="next"
        data-testid="next-change"
        title={
          next
            ? `next change ${showInstant(next.at)} (${timeLeft(next.at, a.at)}): ${next.changes.map((ch) => `${ch.id} ${changeOf(ch)}`).join('; ')}`
            : undefined
        }
      >
        {next === undefined ? (
          'looking for the next change…'
        ) : next === null ? (
          'nothing changes in the next 30 days'
        ) : (
          <>
            <button onClick={() => setInCase(['at'], next.at)}>jump</button> next change {timeLeft(next.at, a.at)}:{' '}
            {next.changes.slice(0, 3).map((ch) => (
              <span class="change">
                <code>{ch.id}</code> {changeOf(ch)}
              </span>
            ))}
            {next.changes.length > 3 && ` and ${next.changes.length - 3} more`}
          </>
        )}
      </p>
      <div
        class="axis"
        title="click to add an event there"
        onClick={(e) => {
          const type = adds;
          if (!type) return;
          const box = e.currentTarget.getBoundingClientRect();
          const ms = Math.round((lo + ((e.clientX - box.left) / box.width) * (hi - lo)) / MINUTE) * MINUTE;
          addEvent({ type, at: withOffsetOf(ms, String(c.at)) });
        }}
      >
        <div class="row days">
          {cal?.open.map(([from, to]) => (
            <span class="working" style={{ left: x(from), width: `calc(${x(to)} - ${x(from)})` }} title={`working hours (${cal.calendar})`} />
          ))}
          {cal?.holidays.map((h) => (
            <span class="holiday" style={{ left: x(Date.parse(`${h.date}T12:00:00Z`)) }} title={`${h.date} ${h.name}`} data-testid="holiday">
              {h.name}
            </span>
          ))}
          {days.map((t) => (
            <span class="day" style={{ left: x(t) }}>
              {dayLabel(t)}
            </span>
          ))}
        </div>
        <div class="row events-row">
          {events.map((e) => (
            <span class={`dot ${e.at > now ? 'future' : ''}`} style={{ left: x(e.at) }} title={`${e.type} ${new Date(e.at).toISOString()}`} />
          ))}
        </div>
        {bands.map((b) => (
          <div class="row" title={b.title} data-testid="band">
            <span class={`band ${b.kind}`} style={{ left: x(b.from), width: `calc(${x(b.to)} - ${x(b.from)})` }} />
            <Label text={b.label} from={b.from} to={b.to} fraction={fraction} x={x} />
          </div>
        ))}
        {spans.map((s) => (
          <div class="row" title={s.title}>
            {s.from !== undefined ? (
              <span class={`bar ${s.kind}`} style={{ left: x(s.from), width: `calc(${x(s.to)} - ${x(s.from)})` }} />
            ) : (
              <span class={`mark ${s.kind}`} style={{ left: x(s.to) }} />
            )}
            <Label text={s.label} from={s.from ?? s.to} to={s.to} fraction={fraction} x={x} />
          </div>
        ))}
        <span class="now-line" style={{ left: x(now) }} />
        {next && <span class="next-line" style={{ left: x(Date.parse(next.at)) }} title={`next change ${showInstant(next.at)}`} />}
      </div>
      <input
        class="scrubber"
        type="range"
        aria-label="now"
        title={zone ? `time in ${zone}` : undefined}
        min={lo / MINUTE}
        max={hi / MINUTE}
        step={1}
        value={Math.round(now / MINUTE)}
        onInput={(e) => (scrubAt.value = new Date(Number(e.currentTarget.value) * MINUTE).toISOString())}
        onChange={(e) => {
          setInCase(['at'], withOffsetOf(Number(e.currentTarget.value) * MINUTE, String(c.at)));
          scrubAt.value = undefined;
        }}
      />
    </section>
  );
}
