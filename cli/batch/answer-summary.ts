// The line `sla eval --batch` prints for an answer without --json: what a person scanning a batch
// wants to see. Made in the worker that answered the case.
import type { Answer } from '../../engine/core.ts';
import { plural } from '../text/plural.ts';

export function answerSummary(a: Answer): string {
  const counts = (values: string[]) => [...new Set(values)].map((v) => `${values.filter((x) => x === v).length} ${v}`).join(', ');
  const parts = [
    `deadlines: ${a.deadlines.length ? counts(a.deadlines.map((d) => d.status)) : 'none'}`,
    `entitlements: ${a.entitlements.filter((e) => e.allowed).length} of ${a.entitlements.length} allowed`,
    `refund: ${a.refund ? (a.refund.eligible ? `${a.refund.percent}% (${a.refund.amount} ${a.refund.currency})` : 'not eligible') : 'none'}`,
    `credits: ${a.credits.length ? `${a.credits.reduce((s, c) => s + c.amount, 0)} ${a.credits[0].unit}` : 'none'}`,
  ];
  if (a.warnings.length) parts.push(plural(a.warnings.length, 'warning'));
  return parts.join(' · ');
}
