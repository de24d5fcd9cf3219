// Law: in a case with many subjects (tickets), each subject's answers — its deadline instances, its
// per-subject entitlement items and the conditions explaining them — are those of a brute-force
// reading: the case with every other subject's events removed, answered by the same policy with
// its entitlements made whole-case ones (no `subject`), so no subject's view, index or memo is
// involved at all. A subject's `used` is also counted here by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, type Answer, type Case, type CompiledPolicy } from '../../engine/index.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { bundled } from '../evaluate/backends-agree.ts';

// Per-ticket answers that ask every question a subject's view answers: instants of the ticket's
// events, its deadline's statuses, a counter over them, another per-ticket entitlement, and
// events shared by every ticket (support stopped) beside its own.
const viewsPolicy = compilePolicy(
  loadPolicy({
    file: 'views.yaml',
    source: `id: views
title: Subject views
version: "1"
zone: Europe/Kyiv
sources: [{ file: views.txt, lang: en }]
plans:
  support: { options: [basic] }
events:
  ticket_opened: { attributes: { ticket: { type: string }, channel: { type: string, enum: [email, chat] } } }
  ticket_answered: { attributes: { ticket: { type: string } } }
  clarification_sent: { attributes: { ticket: { type: string } } }
  support_stopped: {}
  account_closed: {}
clauses:
  c: { text: { en: "Per-ticket rules." } }
counters:
  breaches: { breached: first_response, per: month }
deadlines:
  - { id: first_response, clause: c, party: vendor, subject: ticket, start: { event: ticket_opened }, stop: { event: ticket_answered }, duration: 20 hours }
  - { id: close_account, clause: c, party: vendor, start: { event: support_stopped }, stop: { event: account_closed }, duration: 2 days }
entitlements:
  - id: follow_up
    clause: c
    subject: ticket
    limit: 2
    used: { count: { event: clarification_sent } }
    opens: { event: ticket_answered }
    until: { from: { event: ticket_answered }, add: 3 days }
    closed_by: { event: support_stopped }
  - id: escalation
    clause: c
    subject: ticket
    when:
      - { deadline: first_response, status: breached }
      - { counter: breaches, at_least: 1 }
      - { entitlement: follow_up, allowed: false }
      - { event: clarification_sent, before: { from: { event: ticket_answered }, add: 1 day } }
  - id: closing
    clause: c
    subject: ticket
    when:
      - { deadline: close_account, status: pending }
      - { now_before: { from: { event: support_stopped }, add: 5 days } }
`,
  }),
);

const AT = Date.parse('2025-06-20T09:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

type RawEvent = { type: string; at: string } & Record<string, unknown>;
const carries = (p: Policy, type: string) => Object.hasOwn(p.events[type]?.attributes ?? {}, 'ticket');

/** A value for each declared attribute but the subject: the first enum option chosen by `pick`. */
function attributes(p: Policy, type: string, pick: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(p.events[type]?.attributes ?? {})) {
    if (name === 'ticket') continue;
    const d = decl as { type?: string; enum?: unknown[] };
    out[name] = d.enum ? d.enum[pick % d.enum.length] : d.type === 'number' ? 1 + (pick % 4) : `v${pick % 3}`;
  }
  return out;
}

/** Per ticket: the events of the types that carry it, each some hours before `at`; and events of
 *  the other types, shared by every ticket. */
const ticketEvents = fc.array(fc.record({ type: fc.nat(), hoursBefore: fc.integer({ min: 1, max: 240 }), pick: fc.nat() }), {
  minLength: 1,
  maxLength: 6,
});
const caseShape = fc.record({
  tickets: fc.array(ticketEvents, { minLength: 1, maxLength: 12 }),
  shared: fc.array(fc.record({ type: fc.nat(), hoursBefore: fc.integer({ min: 1, max: 240 }), pick: fc.nat() }), { maxLength: 3 }),
});

function caseOf(p: Policy, plans: Record<string, string>, events: RawEvent[]): Case {
  return { policy: p.id, at: iso(AT), plans, facts: {}, events } as unknown as Case;
}

/** The same policy with every per-subject entitlement answered for the whole case instead. */
const wholeCase = (c: CompiledPolicy): CompiledPolicy =>
  compilePolicy({ ...c.policy, entitlements: (c.policy.entitlements ?? []).map(({ subject: _subject, ...e }) => e) });

/** What the many-subject answer says about one ticket, its labels as a whole-case answer has them. */
function aboutTicket(a: Answer, ticket: string) {
  const label = (check: string) => check.split(': ')[0];
  return {
    deadlines: a.deadlines.filter((d) => d.subject === ticket),
    entitlements: a.entitlements.filter((e) => e.subject === ticket).map(({ subject: _subject, ...e }) => e),
    // traces are labelled `id[subject]: …` (and `id[subject].field: …`)
    conditions: Object.values(a.explanations).flatMap((x) =>
      x.conditions.filter((c) => label(c.check).includes(`[${ticket}]`)).map((c) => ({ ...c, check: c.check.replace(`[${ticket}]`, '') })),
    ),
  };
}

/** What the brute-force answer says about the subject entitlements `ids` and the ticket's deadlines. */
function bruteForce(a: Answer, ticket: string, ids: Set<string>) {
  const label = (check: string) => check.split(': ')[0];
  return {
    deadlines: a.deadlines.filter((d) => d.subject === ticket),
    entitlements: a.entitlements.filter((e) => ids.has(e.id)),
    conditions: Object.values(a.explanations).flatMap((x) => x.conditions.filter((c) => ids.has(label(c.check).split('.')[0]))),
  };
}

describe.each([
  ['cart2cart', bundled('cart2cart')],
  ['relokia', bundled('relokia')],
  ['a policy asking every kind of question per ticket', viewsPolicy],
])('subject views of %s', (_name, compiled) => {
  const p = compiled.policy;
  const types = Object.keys(p.events).filter((t) => carries(p, t));
  const plans = Object.fromEntries(Object.entries(p.plans ?? {}).map(([dim, d]) => [dim, (d as { options: string[] }).options.at(-1)!]));
  const others = Object.keys(p.events).filter((t) => !carries(p, t));
  const flat = wholeCase(compiled);
  const perSubject = new Set((p.entitlements ?? []).filter((e) => e.subject === 'ticket').map((e) => e.id));

  it('answers each subject as the case read for that subject alone, without views', async () => {
    await fc.assert(
      fc.asyncProperty(caseShape, async ({ tickets, shared }) => {
        const events: RawEvent[] = tickets.flatMap((list, i) =>
          list.map((e) => ({
            type: types[e.type % types.length],
            at: iso(AT - e.hoursBefore * HOUR),
            ticket: `T-${i + 1}`,
            ...attributes(p, types[e.type % types.length], e.pick),
          })),
        );
        for (const e of shared) {
          const type = others[e.type % others.length];
          events.push({ type, at: iso(AT - e.hoursBefore * HOUR), ...attributes(p, type, e.pick) });
        }
        const whole = await evaluate(compiled, caseOf(p, plans, events));
        for (let i = 0; i < tickets.length; i++) {
          const ticket = `T-${i + 1}`;
          const own = events.filter((e) => !carries(p, e.type) || e.ticket === ticket);
          const alone = await evaluate(flat, caseOf(p, plans, own));
          expect(aboutTicket(whole, ticket)).toEqual(bruteForce(alone, ticket, perSubject));
          for (const item of aboutTicket(whole, ticket).entitlements) {
            const used = p.entitlements?.find((x) => x.id === item.id)?.used;
            if (used && 'count' in used && !used.count.where) expect(item.used).toBe(own.filter((e) => e.type === used.count.event).length);
          }
        }
      }),
      { seed: 12, numRuns: 25 },
    );
  }, 60_000);
});
