// Generic walks over the Policy IR: every value with its JSON pointer, and the answer items with the
// clause each cites (what several analyses need, written once).
import type { Policy } from '../ir/schema.ts';
import { pointerPart } from '../ir/json-pointer.ts';

/** Calls `visit` for every value under `value` (itself included), depth first. */
export function walk(value: unknown, path: string, visit: (v: unknown, path: string, key: string) => void, key = ''): void {
  visit(value, path, key);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}/${i}`, visit, String(i)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}/${pointerPart(k)}`, visit, k);
}

export interface CitingItem {
  kind: 'deadline' | 'entitlement' | 'amount' | 'refund' | 'refund rule' | 'exclusion' | 'credit';
  id: string;
  clause: string;
  path: string;
  /** the part of the IR the item's own terms are in (a refund rule without its exclusions) */
  body: unknown;
}

/** Every answer item of the policy and the clause it cites (refund rules and exclusions inherit). */
export function citingItems(p: Policy): CitingItem[] {
  const items: CitingItem[] = [];
  (p.deadlines ?? []).forEach((d, i) => items.push({ kind: 'deadline', id: d.id, clause: d.clause, path: `/deadlines/${i}`, body: d }));
  (p.entitlements ?? []).forEach((e, i) => items.push({ kind: 'entitlement', id: e.id, clause: e.clause, path: `/entitlements/${i}`, body: e }));
  (p.amounts ?? []).forEach((a, i) => items.push({ kind: 'amount', id: a.id, clause: a.clause, path: `/amounts/${i}`, body: a }));
  if (p.refund) {
    const r = p.refund;
    items.push({ kind: 'refund', id: 'refund', clause: r.clause, path: '/refund', body: { basis: r.basis, request: r.request } });
    r.rules.forEach((rule, i) => {
      const clause = rule.clause ?? r.clause;
      const { exclusions, ...own } = rule;
      items.push({ kind: 'refund rule', id: rule.id, clause, path: `/refund/rules/${i}`, body: own });
      (exclusions ?? []).forEach((x, j) =>
        items.push({ kind: 'exclusion', id: x.id, clause: x.clause ?? clause, path: `/refund/rules/${i}/exclusions/${j}`, body: x }),
      );
    });
  }
  (p.credits ?? []).forEach((c, i) => items.push({ kind: 'credit', id: c.id, clause: c.clause, path: `/credits/${i}`, body: c }));
  return items;
}

/** A value as a comparable text: key order left out, and the keys in `drop` at every level. */
export function valueKey(value: unknown, drop: readonly string[] = []): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.keys(v)
        .filter((k) => !drop.includes(k))
        .sort()
        .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
    );
  };
  return JSON.stringify(sorted(value));
}

/** A condition or event filter as a comparable text: the author's `reason` does not change what it tests. */
export const termKey = (value: unknown): string => valueKey(value, ['reason']);
