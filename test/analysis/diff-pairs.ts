// Hand-made pairs of policy versions (a window lengthened, a holiday added, refund rules reordered)
// and the cases whose answers each change alters, for the diff tests.
import type { Case } from '../../engine/core.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { basePolicy } from './lint-policy.ts';

export const windowLengthened = (): [Policy, Policy] => {
  const [a, b] = [basePolicy(), basePolicy()];
  b.entitlements![0].until = { from: { event: 'done' }, add: '7 days' };
  return [a, b];
};

export const holidayAdded = (): [Policy, Policy] => {
  const [a, b] = [basePolicy(), basePolicy()];
  for (const p of [a, b]) p.deadlines![0].duration = '1 business days';
  b.calendars!.business.holidays = [{ name: 'Founders Day', dates: ['2025-03-04'] }];
  return [a, b];
};

export const refundReordered = (): [Policy, Policy] => {
  const [a, b] = [basePolicy(), basePolicy()];
  a.refund!.rules = [
    { id: 'paid', when: [{ event: 'payment' }], percent: 50, reason: 'paid' },
    { id: 'unused', when: [{ event: 'done', exists: false }], percent: 100, reason: 'unused' },
  ];
  b.refund!.rules = [a.refund!.rules[1], a.refund!.rules[0]];
  return [a, b];
};

const kase = (at: string, events: Case['events'], plans = { support: 'gold' }): Case => ({ at, plans, facts: { price: 1000 }, events });
const done = { type: 'done', at: '2025-03-03T10:00:00Z' };

export const windowCases = [
  { key: 'day 6', case: kase('2025-03-09T10:00:00Z', [done]) },
  { key: 'day 4', case: kase('2025-03-07T10:00:00Z', [done]) },
  { key: 'day 8', case: kase('2025-03-11T10:00:00Z', [done]) },
  { key: 'basic', case: kase('2025-03-09T10:00:00Z', [done], { support: 'basic' }) },
];

export const holidayCases = [
  {
    key: 'answered on the holiday',
    case: kase('2025-03-06T10:00:00Z', [
      { type: 'ticket_opened', at: '2025-03-03T10:00:00Z', ticket: 'T-1' },
      { type: 'ticket_answered', at: '2025-03-04T15:00:00Z', ticket: 'T-1' },
    ]),
  },
  {
    key: 'answered before the holiday',
    case: kase('2025-03-06T10:00:00Z', [
      { type: 'ticket_opened', at: '2025-03-03T10:00:00Z', ticket: 'T-1' },
      { type: 'ticket_answered', at: '2025-03-03T15:00:00Z', ticket: 'T-1' },
    ]),
  },
];

export const refundCases = [
  { key: 'paid, unused', case: kase('2025-03-09T10:00:00Z', [{ type: 'payment', at: '2025-03-01T10:00:00Z' }]) },
  { key: 'paid, used', case: kase('2025-03-09T10:00:00Z', [{ type: 'payment', at: '2025-03-01T10:00:00Z' }, done]) },
  { key: 'unpaid, unused', case: kase('2025-03-09T10:00:00Z', []) },
];
