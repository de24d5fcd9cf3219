// The answers a policy change alters, over hand-made cases whose answers are worked out by hand:
// a window lengthened from 5 to 7 days, a holiday added on a deadline's due day, refund rules
// swapped where both hold.
import { describe, expect, it } from 'vitest';
import { impact } from '../../engine/analysis/impact.ts';
import { compilePolicy } from '../../engine/core.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { holidayAdded, holidayCases, refundCases, refundReordered, windowCases, windowLengthened } from './diff-pairs.ts';
import { loadObject } from './lint-policy.ts';

const compiled = ([a, b]: [Policy, Policy]) => [compilePolicy(loadObject(a)), compilePolicy(loadObject(b))] as const;
const groups = (r: Awaited<ReturnType<typeof impact>>) => r.groups.map((g) => `${g.item} ${g.change}: ${g.cases.join(', ')}`);

describe('impact of a policy change', () => {
  it('a window lengthened: opened for day 6, moved for days 4 to 8, nothing for a plan without it', async () => {
    const [a, b] = compiled(windowLengthened());
    const r = await impact(a, b, windowCases);
    expect(r).toMatchObject({ evaluated: 4, changed: 3 });
    expect(groups(r)).toEqual(['entitlement `re_migration` until later: day 6, day 4, day 8', 'entitlement `re_migration` not allowed → allowed: day 6']);
    const day4 = r.details.find((d) => d.key === 'day 4')!;
    expect(day4.changes).toEqual([
      { item: 'entitlement `re_migration`', change: 'until later', detail: '2025-03-08T12:00:00.000+02:00 → 2025-03-10T12:00:00.000+02:00' },
    ]);
  });

  it('a holiday added on the due day: the reply on the holiday is now in time', async () => {
    const [a, b] = compiled(holidayAdded());
    const r = await impact(a, b, holidayCases);
    expect(groups(r)).toEqual([
      'deadline `first_response` breached → met: answered on the holiday',
      'deadline `first_response` due later: answered before the holiday',
    ]);
    expect(r.details[0].changes[0]).toMatchObject({ subject: 'T-1', detail: 'due 2025-03-04T12:00:00.000+02:00 → 2025-03-05T12:00:00.000+02:00' });
  });

  it('refund rules swapped: only the case both rules hold for changes', async () => {
    const [a, b] = compiled(refundReordered());
    const r = await impact(a, b, refundCases);
    expect(r.changed).toBe(1);
    expect(groups(r)).toEqual(['refund 50% → 100%: paid, unused', 'refund rule paid → unused: paid, unused']);
    expect(r.details[0].changes[0].detail).toBe('amount 500 USD → 1000 USD');
  });

  it('answers each case at each instant asked for, and reports a case one version refuses', async () => {
    const [a, b] = compiled(windowLengthened());
    const r = await impact(a, b, [windowCases[0]], { at: ['2025-03-04T10:00:00Z', '2025-03-09T10:00:00Z'] });
    expect(r.evaluated).toBe(2);
    expect(r.groups.find((g) => g.change === 'not allowed → allowed')?.cases).toEqual(['day 6 @ 2025-03-09T10:00:00Z']);
    const [x, y] = windowLengthened();
    y.facts!.region = { type: 'string' };
    const [cx, cy] = [compilePolicy(loadObject(x)), compilePolicy(loadObject(y))];
    const refused = await impact(cx, cy, [{ key: 'k', case: { ...windowCases[0].case, facts: { price: 1, region: 'eu' } } }]);
    expect(groups(refused)).toEqual(['case invalid (SLA4006) → valid: k']);
  });

  it('finds no change between a policy and itself', async () => {
    const [a] = compiled(windowLengthened());
    expect((await impact(a, a, [...windowCases, ...holidayCases, ...refundCases])).changed).toBe(0);
  });
});
