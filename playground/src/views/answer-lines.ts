// An answer as one line per item: what a reader compares between plans or policy versions.
import type { Answer } from '../../../engine/core.ts';
import { showInstant, showMoney, showNumber } from './format.ts';

export function answerLines(a: Answer): Map<string, string> {
  const m = new Map<string, string>();
  for (const d of a.deadlines) m.set(`deadline ${d.id}${d.subject ? ` ${d.subject}` : ''}`, `${d.status}, due ${showInstant(d.due)}`);
  for (const e of a.entitlements)
    m.set(
      `entitlement ${e.id}${e.subject ? ` ${e.subject}` : ''}`,
      [
        e.allowed ? 'allowed' : 'not allowed',
        e.limit !== undefined ? `${showNumber(e.remaining)} of ${showNumber(e.limit)} left` : '',
        e.cost ? showMoney(e.cost) : '',
      ]
        .filter(Boolean)
        .join(', '),
    );
  if (a.refund) m.set('refund', `${a.refund.eligible ? 'eligible' : 'not eligible'}, ${showMoney({ amount: a.refund.amount, currency: a.refund.currency })}`);
  for (const c of a.credits) m.set(`credit ${c.id} ${showInstant(c.period.from)}`, `${showNumber(c.amount)} ${c.unit}`);
  return m;
}
