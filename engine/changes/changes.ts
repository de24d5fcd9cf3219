// When does the answer to a case change? The instants in (from, until] at which some item's
// status, `allowed`, remaining count or amount changes, each with what changes.
//
// The answer can only change where the case or the policy's clocks say something happens: an event,
// an instant an answer names (a due time, a window's end), a working-hours boundary, a midnight.
// Those candidates are walked in order; at each the case is evaluated there and a millisecond later
// (a deadline is breached just after it is due), and instants named by the new answers are added.
import type { Answer } from '../answer.ts';
import { formatInstant, parseInstant } from '../calendar/index.ts';
import { diagnostic, SlaError } from '../diagnostics/index.ts';
import { evaluate, prepare } from '../evaluate/evaluate.ts';
import type { Case } from '../case/case-input.ts';
import type { CompiledPolicy } from '../policy-types.ts';
import { calendarBoundaries, midnights } from './candidates.ts';
import { diff, instantsIn, signature, type AnswerChange } from './signature.ts';

export type { AnswerChange } from './signature.ts';

export interface ChangeInstant {
  /** the first instant at which the new values hold, in the policy's zone */
  at: string;
  changes: AnswerChange[];
}

export interface ChangesOptions {
  /** stop after this many change instants (the scrubber needs only the next one) */
  limit?: number;
}

function instant(name: string, value: string): number {
  const ms = parseInstant(value);
  if (typeof ms === 'number') return ms;
  throw new SlaError([diagnostic('SLA4003', `\`${name}\`: ${ms.error}`)]);
}

/** A sorted set of instants that can grow while it is walked. */
class Queue {
  private readonly seen = new Set<number>();
  private items: number[] = [];
  constructor(
    private readonly after: number,
    private readonly until: number,
  ) {}
  add(ms: number) {
    if (!(ms > this.after && ms <= this.until) || this.seen.has(ms)) return;
    this.seen.add(ms);
    const i = this.items.findIndex((x) => x > ms);
    if (i < 0) this.items.push(ms);
    else this.items.splice(i, 0, ms);
  }
  /** the next instant after `t` */
  next(t: number): number | undefined {
    while (this.items.length && this.items[0] <= t) this.items.shift();
    return this.items.shift();
  }
}

export async function changes(policy: CompiledPolicy, input: Case, from: string, until: string, options: ChangesOptions = {}): Promise<ChangeInstant[]> {
  const fromMs = instant('from', from);
  const untilMs = instant('until', until);
  if (untilMs < fromMs) throw new SlaError([diagnostic('SLA4010', '`until` is before `from`')]);
  const raw: unknown = input;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new SlaError([diagnostic('SLA4001', 'a case is an object with `at`, `plans`, `facts` and `events`')]);
  const { compiled, calendars } = prepare(policy);
  const zone = compiled.policy.zone;
  const at = (ms: number): Promise<Answer> => evaluate(compiled, { ...input, at: new Date(ms).toISOString() });

  // the first answer comes first: evaluating loads the country holiday data the calendars' boundaries need
  const first = await at(fromMs);
  const queue = new Queue(fromMs, untilMs);
  const harvest = (a: Answer) => {
    for (const s of instantsIn(a)) {
      const ms = parseInstant(s);
      if (typeof ms === 'number') queue.add(ms);
    }
  };
  for (const e of Array.isArray(input.events) ? input.events : []) {
    for (const v of [e?.at, e?.until]) {
      const ms = typeof v === 'string' ? parseInstant(v) : undefined;
      if (typeof ms === 'number') queue.add(ms);
    }
  }
  for (const c of calendars.values()) for (const t of calendarBoundaries(c, fromMs, untilMs)) queue.add(t);
  for (const z of new Set([zone, ...[...calendars.values()].map((c) => c.zone)])) for (const t of midnights(z, fromMs, untilMs)) queue.add(t);

  harvest(first);
  let state = signature(first);
  const out: ChangeInstant[] = [];
  const limit = options.limit ?? Infinity;
  const step = async (ms: number) => {
    const a = await at(ms);
    harvest(a);
    const s = signature(a);
    const found = diff(state, s);
    state = s;
    if (found.length) out.push({ at: formatInstant(ms, zone), changes: found });
  };
  for (let t = queue.next(fromMs); t !== undefined && out.length < limit; t = queue.next(t + 1)) {
    await step(t);
    if (t + 1 <= untilMs && out.length < limit) await step(t + 1);
  }
  return out;
}
