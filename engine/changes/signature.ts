// What of an answer counts as a change: each item's status, `allowed`, remaining count or amount
// (an amount item's too, such as a discount that lapses), keyed by the item (kind, id, subject) and
// the field. An item that appears or disappears changes from or to `undefined`.
import type { Answer } from '../answer.ts';

export type ItemKind = 'deadline' | 'entitlement' | 'amount' | 'refund' | 'credit';

export interface AnswerChange {
  kind: ItemKind;
  id: string;
  subject?: string;
  field: 'status' | 'allowed' | 'remaining' | 'amount' | 'eligible';
  from: unknown;
  to: unknown;
}

export type Signature = Map<string, Omit<AnswerChange, 'from' | 'to'> & { value: unknown }>;

export function signature(a: Answer): Signature {
  const s: Signature = new Map();
  const put = (kind: ItemKind, id: string, subject: string | undefined, field: AnswerChange['field'], value: unknown) =>
    s.set(`${kind}\u0000${id}\u0000${subject ?? ''}\u0000${field}`, { kind, id, ...(subject !== undefined ? { subject } : {}), field, value });
  for (const d of a.deadlines) put('deadline', d.id, d.subject, 'status', d.status);
  for (const e of a.entitlements) {
    put('entitlement', e.id, e.subject, 'allowed', e.allowed);
    if (e.remaining !== undefined) put('entitlement', e.id, e.subject, 'remaining', e.remaining);
  }
  for (const m of a.amounts ?? []) put('amount', m.id, undefined, 'amount', m.amount);
  if (a.refund) {
    put('refund', 'refund', undefined, 'eligible', a.refund.eligible);
    put('refund', 'refund', undefined, 'amount', a.refund.amount);
  }
  for (const c of a.credits) put('credit', c.id, c.period.from, 'amount', c.amount);
  return s;
}

/** The fields whose value differs between two signatures. */
export function diff(before: Signature, after: Signature): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    if (b?.value === a?.value) continue;
    const { value: _, ...item } = (a ?? b)!;
    out.push({ ...item, from: b?.value, to: a?.value });
  }
  return out;
}

/** Instants an answer names (due, met, a window's opening and end, credit periods): where it may change next. */
export function instantsIn(a: Answer): string[] {
  const out: string[] = [];
  for (const d of a.deadlines) out.push(d.due, ...(d.met_at ? [d.met_at] : []));
  for (const e of a.entitlements) for (const t of [e.opens, e.until]) if (typeof t === 'string') out.push(t);
  for (const c of a.credits) out.push(c.period.from, c.period.until);
  return out;
}
