// Comparisons on event attributes (`where: { hours: { at_least: 3 } }`) and entitlements answered
// per event (`each`): both backends give the answer an oracle computes from the case alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, type Answer, type Backend, type Case } from '../../engine/index.ts';

const policy = compilePolicy(
  loadPolicy({
    file: 'p.yaml',
    source: `
id: p
title: P
version: "1"
zone: UTC
sources: [ { file: p.txt, lang: en } ]
plans: {}
events:
  booking:
    attributes:
      hours: { type: number }
      channel: { type: string, enum: [email, chat, forum, phone] }
  completed: {}
  complaint: { attributes: { ref: { type: string, required: false } } }
clauses:
  c: { text: { en: "c" } }
entitlements:
  - id: long_booking
    clause: c
    when: [ { event: booking, where: { hours: { at_least: 3, less_than: 8 }, channel: { not_in: [forum] } } } ]
  - id: booking_accepted
    clause: c
    each: { event: booking }
    when: [ { event: booking, where: { hours: { less_than: 3 } }, exists: false } ]
  - id: complaint_considered
    clause: c
    each: { event: complaint, subject: ref }
    when:
      - any:
          - { event: completed, exists: false }
          - { now_before: { from: { event: completed }, add: 14 days } }
`,
  }),
);

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

async function both(input: Omit<Case, 'policy'>): Promise<Answer> {
  const answers = await Promise.all(
    (['compiled', 'json-rules-engine'] as Backend[]).map((engine) => evaluate(policy, { policy: 'p', ...input } as Case, { engine })),
  );
  expect(answers[1]).toEqual(answers[0]);
  return answers[0];
}
const items = (a: Answer, id: string) => a.entitlements.filter((e) => e.id === id);

const booking = fc.record({
  day: fc.integer({ min: 0, max: 30 }),
  hours: fc.oneof(fc.constantFrom(2.999, 3, 7.999, 8), fc.double({ min: 0, max: 12, noNaN: true })),
  channel: fc.constantFrom('email', 'chat', 'forum', 'phone'),
});

describe('comparisons on event attributes', () => {
  it('hold exactly when some event passes every comparison, in both backends', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(booking, { maxLength: 6 }), async (bookings) => {
        const a = await both({
          at: iso(T0 + 40 * DAY),
          plans: {},
          events: bookings.map((b) => ({ type: 'booking', at: iso(T0 + b.day * DAY), hours: b.hours, channel: b.channel })),
        });
        const expected = bookings.some((b) => b.hours >= 3 && b.hours < 8 && b.channel !== 'forum');
        expect(items(a, 'long_booking')[0].allowed).toBe(expected);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('say in the reasons what they compare', async () => {
    const a = await both({ at: iso(T0 + DAY), plans: {}, events: [{ type: 'booking', at: iso(T0), hours: 4, channel: 'chat' }] });
    expect(items(a, 'long_booking')[0].reasons).toEqual(['booking (hours < 8, hours ≥ 3, channel not in [forum]) has happened']);
  });
});

describe('an entitlement answered per event', () => {
  it('answers each event on its own attributes, and one made now as if it were the first', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(booking, { maxLength: 6 }), async (bookings) => {
        const events = bookings.map((b) => ({ type: 'booking', at: iso(T0 + b.day * DAY), hours: b.hours, channel: b.channel }));
        const a = await both({ at: iso(T0 + 40 * DAY), plans: {}, events });
        const [now, ...each] = items(a, 'booking_accepted');
        expect(now).toMatchObject({ allowed: true });
        expect(now.subject).toBeUndefined();
        const inOrder = [...bookings].sort((x, y) => x.day - y.day);
        expect(each.map((e) => [Date.parse(e.subject!), e.allowed])).toEqual(inOrder.map((b) => [T0 + b.day * DAY, b.hours >= 3]));
      }),
      { seed: 8, numRuns: 100 },
    );
  });

  it('decides each event as of its instant: what happened later does not count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 5 }),
        async (completedDay, complaintDays) => {
          const events = [
            ...(completedDay === undefined ? [] : [{ type: 'completed', at: iso(T0 + completedDay * DAY) }]),
            ...complaintDays.map((d) => ({ type: 'complaint', at: iso(T0 + d * DAY + 1), ref: `C-${d}` })),
          ];
          const at = T0 + 70 * DAY;
          const a = await both({ at: iso(at), plans: {}, events });
          const considered = (t: number) => completedDay === undefined || t < T0 + completedDay * DAY || t < T0 + (completedDay + 14) * DAY;
          const [now, ...each] = items(a, 'complaint_considered');
          expect(now.allowed).toBe(considered(at));
          const expected = [...complaintDays].sort((x, y) => x - y).map((d) => [`C-${d}`, considered(T0 + d * DAY + 1)]);
          expect(each.map((e) => [e.subject, e.allowed])).toEqual(expected);
        },
      ),
      { seed: 9, numRuns: 150 },
    );
  });

  it('lists no event that is later than the case instant, and names each by its instant without a subject attribute', async () => {
    const a = await both({
      at: iso(T0 + 2 * DAY),
      plans: {},
      events: [
        { type: 'booking', at: iso(T0), hours: 2, channel: 'chat' },
        { type: 'booking', at: iso(T0 + 3 * DAY), hours: 5, channel: 'chat' },
      ],
    });
    expect(items(a, 'booking_accepted').map((e) => [e.subject, e.allowed])).toEqual([
      [undefined, true],
      ['2025-01-01T00:00:00.000+00:00', false],
    ]);
  });
});
