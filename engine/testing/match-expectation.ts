// The expectation matcher of contract.md: an expectation is a subset of the Answer.
import type { Answer } from '../answer.ts';
import { LIST_KINDS, type ExpectedItem, type Expectation } from './expectation.ts';
import type { Mismatch } from './mismatch.ts';
import { showValue } from './mismatch.ts';
import { compareValues, isRecord, valuesMatch } from './values-match.ts';

/** Fields that pick the item rather than being checked on it. */
const IDENTITY = ['id', 'subject', 'period'] as const;

/** Every way the answer fails the expectation; empty when it passes. */
export function matchExpectation(answer: Answer, expect: Expectation): Mismatch[] {
  const out: Mismatch[] = [];
  for (const kind of LIST_KINDS) {
    const expected = expect[kind];
    if (expected === undefined) continue;
    const actual = (answer[kind] ?? []) as unknown as Record<string, unknown>[];
    if (expected.length === 0) {
      if (actual.length > 0) out.push({ path: kind, kind: 'unexpected', expected: [], actual });
      continue;
    }
    out.push(...matchItems(kind, expected, actual));
  }
  if ('refund' in expect) out.push(...matchRefund(expect.refund ?? null, answer.refund ?? null));
  return out;
}

function matchItems(kind: string, expected: ExpectedItem[], actual: Record<string, unknown>[]): Mismatch[] {
  // One actual item answers one listed item (two listed instances need two actual ones); the
  // pairing is a maximum matching, so the order of the listed items does not matter.
  const fits = expected.map((e) => actual.map((a) => identifies(e, a) && fieldMismatches('', e, a, IDENTITY).length === 0));
  const owner: number[] = actual.map(() => -1);
  const assign = (ei: number, seen: Set<number>): boolean =>
    actual.some((_, ai) => {
      if (!fits[ei][ai] || seen.has(ai)) return false;
      seen.add(ai);
      if (owner[ai] !== -1 && !assign(owner[ai], seen)) return false;
      owner[ai] = ei;
      return true;
    });
  expected.forEach((_, ei) => assign(ei, new Set()));

  const out: Mismatch[] = [];
  expected.forEach((e, ei) => {
    if (owner.includes(ei)) return;
    const path = itemPath(kind, e);
    // Report against the closest item that no other listed item uses.
    const misses = actual
      .filter((a, ai) => owner[ai] === -1 && identifies(e, a))
      .map((a) => fieldMismatches(path, e, a, IDENTITY))
      .sort((x, y) => x.length - y.length)[0];
    if (misses) out.push(...misses);
    else out.push({ path, kind: 'missing', expected: e, actual: actual.filter((a) => a.id === e.id), present: actual.map(itemKey) });
  });
  return out;
}

function matchRefund(expected: Record<string, unknown> | null, actual: unknown): Mismatch[] {
  if (expected === null) {
    return actual === null ? [] : [{ path: 'refund', kind: 'unexpected', expected: null, actual }];
  }
  if (!isRecord(actual)) return [{ path: 'refund', kind: 'missing', expected, actual: null }];
  return fieldMismatches('refund', expected, actual);
}

function fieldMismatches(path: string, expected: Record<string, unknown>, actual: Record<string, unknown>, skip: readonly string[] = []): Mismatch[] {
  return Object.entries(expected)
    .filter(([k]) => !skip.includes(k))
    .flatMap(([k, v]) =>
      compareValues(v, actual[k], `.${k}`).map((d): Mismatch => ({ path: path + d.at, kind: 'value', expected: d.expected, actual: d.actual, item: actual })),
    );
}

/** Same id, and the same subject and period where the expectation gives them. */
function identifies(e: ExpectedItem, a: Record<string, unknown>): boolean {
  if (a.id !== e.id) return false;
  if ('subject' in e && !valuesMatch(e.subject, a.subject)) return false;
  if ('period' in e && !valuesMatch(e.period, a.period)) return false;
  return true;
}

/** `entitlements[id=re_migration]`, `deadlines[id=first_response,subject=T-1]`, `credits[id=x,period=a/b]` */
export function itemPath(kind: string, item: Record<string, unknown>): string {
  return `${kind}[${itemKey(item)}]`;
}

function itemKey(item: Record<string, unknown>): string {
  const parts = [`id=${showValue(item.id)}`];
  if (item.subject !== undefined) parts.push(`subject=${showValue(item.subject)}`);
  if (item.period !== undefined) {
    const p = item.period;
    parts.push(`period=${isRecord(p) ? `${showValue(p.from ?? '*')}/${showValue(p.until ?? '*')}` : showValue(p)}`);
  }
  return parts.join(',');
}
