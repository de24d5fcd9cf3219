// Known and pending instants: an instant whose anchor event has not happened lies in the future,
// in every comparison (`before`, `after`, `now before`, `started before`, a window's `until` and
// `opens`), unless the comparison says `known: true`; both backends answer alike, and the
// explanation names the anchor that has not happened.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, type Answer, type Case } from '../../engine/index.ts';
import { changes } from '../../engine/changes/index.ts';
import { customOperators } from '../../engine/runtime/operators.ts';

const yaml = `id: pending
title: Pending instants
version: "1"
zone: Europe/Kyiv
calendar: business
sources: [{ file: p.txt, lang: en }]
plans: { support: { options: [basic] } }
events:
  payment: {}
  started: {}
  completed: {}
  issue: { attributes: { issue: { type: string } } }
  resolved: { attributes: { issue: { type: string } } }
calendars: { business: { days: [mon, tue, wed, thu, fri] } }
instants:
  archived: { from: { event: completed }, add: 3 days }
clauses: { c: { text: { en: "text" } } }
deadlines:
  - { id: fix, clause: c, party: vendor, subject: issue, start: { event: issue }, stop: { event: resolved }, duration: 1 days, report: false }
entitlements:
  - { id: report, clause: c, opens: { event: started }, until: { instant: archived } }
  - { id: report_known, clause: c, opens: { event: started }, until: { instant: archived, known: true } }
  - { id: later_window, clause: c, opens: { from: { event: payment }, add: 2 days }, until: { from: { event: payment }, add: 5 days } }
  - { id: after_archive, clause: c, opens: { instant: archived } }
  - { id: issue_before, clause: c, when: [{ event: issue, before: { instant: archived } }] }
  - { id: issue_before_known, clause: c, when: [{ event: issue, before: { instant: archived, known: true } }] }
  - { id: issue_after, clause: c, when: [{ event: issue, after: { instant: archived } }] }
  - { id: now_before, clause: c, when: [{ now_before: { from: { event: payment }, add: 30 days } }] }
  - { id: now_before_known, clause: c, when: [{ now_before: { from: { event: payment }, add: 30 days, known: true }, reason: within 30 days of the payment }] }
  - { id: late_fix, clause: c, when: [{ deadline: fix, status: breached, started_before: { instant: archived } }] }
  - { id: late_fix_known, clause: c, when: [{ deadline: fix, status: breached, started_before: { instant: archived, known: true } }] }
`;
const policy = compilePolicy(loadPolicy({ source: yaml, file: 'pending.yaml' }));

async function answer(at: string, events: Case['events']): Promise<Answer> {
  const input = { at, plans: { support: 'basic' }, events } as Case;
  const compiled = await evaluate(policy, input);
  const reference = await evaluate(policy, input, { engine: 'json-rules-engine' });
  expect(isDeepStrictEqual(compiled, reference)).toBe(true);
  return compiled;
}
const item = (a: Answer, id: string) => a.entitlements.find((e) => e.id === id)!;

const started = { type: 'started', at: '2025-07-07T10:00:00+03:00' };
const completed = { type: 'completed', at: '2025-07-08T18:00:00+03:00' };
const issue = { type: 'issue', at: '2025-07-08T12:00:00+03:00', issue: 'I-1' };

describe('an instant whose anchor has not happened is pending: in the future', () => {
  it('a window until a pending instant is open, with no `until`, and says which anchor is awaited', async () => {
    const a = await answer('2025-07-09T12:00:00+03:00', [started]);
    expect(item(a, 'report')).toMatchObject({ allowed: true, until: null, opens: '2025-07-07T10:00:00.000+03:00' });
    expect(item(a, 'report').reasons).toEqual(['open: archived is pending, as completed has not happened']);
    const trace = a.explanations.c.conditions.find((c) => c.check === 'report: before archived');
    expect(trace).toMatchObject({ result: true, expected: 'before a pending instant', pending: ['archived is pending, as completed has not happened'] });
  });

  it('`known: true` keeps the window shut until the anchor happens, then both readings agree', async () => {
    const pending = await answer('2025-07-09T12:00:00+03:00', [started]);
    expect(item(pending, 'report_known')).toMatchObject({ allowed: false, until: null });
    expect(item(pending, 'report_known').reasons).toEqual(['not yet: the window (archived (once known)) has not started']);
    const known = await answer('2025-07-11T17:59:00+03:00', [started, completed]);
    for (const id of ['report', 'report_known']) expect(item(known, id)).toMatchObject({ allowed: true, until: '2025-07-11T18:00:00.000+03:00' });
    const closed = await answer('2025-07-11T18:00:00+03:00', [started, completed]);
    for (const id of ['report', 'report_known']) expect(item(closed, id)).toMatchObject({ allowed: false });
  });

  it('an event before a pending instant is before it; nothing is after it; `known: true` needs the anchor', async () => {
    const a = await answer('2025-07-09T12:00:00+03:00', [started, issue]);
    expect(item(a, 'issue_before')).toMatchObject({
      allowed: true,
      reasons: ['issue has happened before archived (archived is pending, as completed has not happened)'],
    });
    expect(item(a, 'issue_before_known')).toMatchObject({ allowed: false });
    expect(item(a, 'issue_before_known').reasons[0]).toMatch(/^not met: .*archived is pending, as completed has not happened/);
    expect(item(a, 'issue_after')).toMatchObject({ allowed: false });
    const later = await answer('2025-07-20T12:00:00+03:00', [started, issue, completed, { type: 'issue', at: '2025-07-12T12:00:00+03:00', issue: 'I-2' }]);
    expect([item(later, 'issue_before').allowed, item(later, 'issue_before_known').allowed, item(later, 'issue_after').allowed]).toEqual([true, true, true]);
  });

  it('now before a pending instant holds, unless it needs the anchor: "within 30 days of payment" with nothing paid does not', async () => {
    const unpaid = await answer('2025-07-09T12:00:00+03:00', []);
    expect(item(unpaid, 'now_before').allowed).toBe(true);
    expect(item(unpaid, 'now_before_known')).toMatchObject({
      allowed: false,
      reasons: ['not met: within 30 days of the payment (30 days after payment is pending, as payment has not happened)'],
    });
    const paid = await answer('2025-07-09T12:00:00+03:00', [{ type: 'payment', at: '2025-07-01T12:00:00+03:00' }]);
    expect([item(paid, 'now_before').allowed, item(paid, 'now_before_known').allowed]).toEqual([true, true]);
    const expired = await answer('2025-08-01T12:00:00+03:00', [{ type: 'payment', at: '2025-07-01T12:00:00+03:00' }]);
    expect([item(expired, 'now_before').allowed, item(expired, 'now_before_known').allowed]).toEqual([false, false]);
  });

  it('a deadline started before a pending instant counts, unless the instant must be known', async () => {
    const a = await answer('2025-07-14T12:00:00+03:00', [started, issue]);
    expect(item(a, 'late_fix').allowed).toBe(true);
    expect(item(a, 'late_fix_known').allowed).toBe(false);
  });
});

describe('windows that open at an instant', () => {
  const payment = { type: 'payment', at: '2025-07-01T12:00:00+03:00' };

  it('opens at an event plus a duration: not yet before it, with `opens` saying when', async () => {
    const a = await answer('2025-07-02T12:00:00+03:00', [payment]);
    expect(item(a, 'later_window')).toMatchObject({ allowed: false, opens: '2025-07-03T12:00:00.000+03:00', until: '2025-07-06T12:00:00.000+03:00' });
    expect(item(a, 'later_window').reasons).toEqual(['not yet: the window opens at 2025-07-03T12:00:00.000+03:00']);
    expect(item(await answer('2025-07-03T12:00:00+03:00', [payment]), 'later_window').allowed).toBe(true);
  });

  it('a window whose opening is pending has no `opens` and names the anchor it waits for', async () => {
    const a = await answer('2025-07-02T12:00:00+03:00', []);
    expect(item(a, 'later_window')).not.toHaveProperty('opens');
    expect(item(a, 'later_window').reasons).toEqual(['not yet: 2 days after payment is pending, as payment has not happened']);
    expect(item(a, 'after_archive').reasons).toEqual(['not yet: archived is pending, as completed has not happened']);
  });

  it('the next change of a case is found at the instant a window opens', async () => {
    const input = { at: '2025-07-02T12:00:00+03:00', plans: { support: 'basic' }, events: [payment] } as Case;
    const next = (await changes(policy, input, input.at, '2025-07-04T00:00:00+03:00')).find((c) => c.changes.some((x) => x.id === 'later_window'));
    expect(next).toMatchObject({ at: '2025-07-03T12:00:00.000+03:00' });
    expect(next?.changes.find((x) => x.id === 'later_window')).toMatchObject({ field: 'allowed', from: false, to: true });
  });

  it('opens at a named instant once it is reached', async () => {
    const before = await answer('2025-07-11T17:59:00+03:00', [completed]);
    expect(item(before, 'after_archive')).toMatchObject({ allowed: false, opens: '2025-07-11T18:00:00.000+03:00' });
    expect(item(await answer('2025-07-11T18:00:00+03:00', [completed]), 'after_archive').allowed).toBe(true);
  });
});

describe('the instant operators', () => {
  const now = Date.UTC(2025, 6, 9);
  it('a pending instant (null) is after now; a known one compares as a number; a needed-known one fails while pending', () => {
    expect(customOperators.instantAfterOrPending(null, now)).toBe(true);
    expect(customOperators.instantAfter(null, now)).toBe(false);
    expect(customOperators.instantAtOrBefore(null, now)).toBe(false);
    for (const op of ['instantAfterOrPending', 'instantAfter'])
      expect([customOperators[op](now + 1, now), customOperators[op](now, now), customOperators[op](now - 1, now)]).toEqual([true, false, false]);
    expect([
      customOperators.instantAtOrBefore(now - 1, now),
      customOperators.instantAtOrBefore(now, now),
      customOperators.instantAtOrBefore(now + 1, now),
    ]).toEqual([true, true, false]);
  });

  it('law: "now before payment + 30 days" holds iff payment is absent or now is before it, in plain arithmetic (seeded)', async () => {
    const DAY = 86_400_000;
    const base = Date.parse('2025-01-10T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(fc.option(fc.integer({ min: 0, max: 60 * 24 }), { nil: undefined }), fc.integer({ min: 0, max: 100 * 24 }), async (paidH, nowH) => {
        const at = base + nowH * 3_600_000;
        const paid = paidH === undefined ? undefined : base + paidH * 3_600_000;
        const events = paid !== undefined && paid <= at ? [{ type: 'payment', at: new Date(paid).toISOString() }] : [];
        const a = await answer(new Date(at).toISOString(), events);
        // 30 days of Kyiv wall time are 30 × 24 h but across a DST change: instants within an hour of the due are left out
        const due = events.length ? paid! + 30 * DAY : undefined;
        const near = due !== undefined && Math.abs(at - due) <= 3_600_000;
        if (!near) {
          expect(item(a, 'now_before').allowed).toBe(due === undefined || at < due);
          expect(item(a, 'now_before_known').allowed).toBe(due !== undefined && at < due);
        }
      }),
      { seed: 13, numRuns: 60 },
    );
  }, 60_000);
});
