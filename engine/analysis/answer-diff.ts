// What a policy change does to answers: the changes between two answers to one case, item by item,
// in words that group across cases ("`first_response` met → breached", "`re_migration` not allowed
// → allowed", "refund 0% → 30%"); instants changed say only which way they moved, so the cases a
// change pushes the same way fall in one group.
import type { AmountItem, Answer, CreditItem, DeadlineItem, EntitlementItem } from '../answer.ts';

export interface AnswerChange {
  /** the answer item: "deadline `first_response`", "refund" */
  item: string;
  /** the item's subject or period, where it has one */
  subject?: string;
  /** the kind of change, the same text for every case it happens to */
  change: string;
  /** this case's values, where the change leaves them out */
  detail?: string;
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? 'later' : 'earlier');
const money = (amount: number, currency: string) => `${amount} ${currency}`;

/** Items of two lists paired by a key (with a counter, for items that share one). */
function pair<T>(a: T[], b: T[], key: (x: T) => string): [string, T | undefined, T | undefined][] {
  const keyed = (list: T[]) => {
    const seen = new Map<string, number>();
    return new Map(
      list.map((x) => {
        const k = key(x);
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        return [n ? `${k}#${n}` : k, x] as const;
      }),
    );
  };
  const [ka, kb] = [keyed(a), keyed(b)];
  return [...new Set([...ka.keys(), ...kb.keys()])].map((k) => [k, ka.get(k), kb.get(k)]);
}

function deadlineChanges(a: DeadlineItem | undefined, b: DeadlineItem | undefined): AnswerChange[] {
  const d = (a ?? b)!;
  const base = { item: `deadline \`${d.id}\``, ...(d.subject !== undefined ? { subject: d.subject } : {}) };
  if (!a || !b) return [{ ...base, change: a ? `${a.status} → absent` : `absent → ${b!.status}` }];
  const out: AnswerChange[] = [];
  if (a.status !== b.status) out.push({ ...base, change: `${a.status} → ${b.status}`, detail: `due ${a.due} → ${b.due}` });
  else if (Date.parse(a.due) !== Date.parse(b.due)) out.push({ ...base, change: `due ${later(a.due, b.due)}`, detail: `${a.due} → ${b.due}` });
  return out;
}

const allowedWord = (allowed: boolean) => (allowed ? 'allowed' : 'not allowed');

function entitlementChanges(a: EntitlementItem | undefined, b: EntitlementItem | undefined): AnswerChange[] {
  const e = (a ?? b)!;
  const base = { item: `entitlement \`${e.id}\``, ...(e.subject !== undefined ? { subject: e.subject } : {}) };
  if (!a || !b) return [{ ...base, change: a ? `${allowedWord(a.allowed)} → absent` : `absent → ${allowedWord(b!.allowed)}` }];
  const out: AnswerChange[] = [];
  if (a.allowed !== b.allowed) out.push({ ...base, change: `${allowedWord(a.allowed)} → ${allowedWord(b.allowed)}` });
  if ((a.until ?? null) !== (b.until ?? null)) {
    if (a.until && b.until) {
      if (Date.parse(a.until) !== Date.parse(b.until)) out.push({ ...base, change: `until ${later(a.until, b.until)}`, detail: `${a.until} → ${b.until}` });
    } else out.push({ ...base, change: `until ${a.until ?? 'none'} → ${b.until ?? 'none'}` });
  }
  for (const field of ['limit', 'remaining', 'used', 'excess'] as const)
    if ((a[field] ?? null) !== (b[field] ?? null)) out.push({ ...base, change: `${field} ${String(a[field] ?? 'none')} → ${String(b[field] ?? 'none')}` });
  const cost = (x: EntitlementItem) => (x.cost ? money(x.cost.amount, x.cost.currency) : 'none');
  if (cost(a) !== cost(b)) out.push({ ...base, change: `cost ${cost(a)} → ${cost(b)}` });
  return out;
}

function amountChanges(a: AmountItem | undefined, b: AmountItem | undefined): AnswerChange[] {
  const x = (a ?? b)!;
  const show = (i: AmountItem | undefined) => (!i ? 'none' : i.amount === null ? 'unknown' : money(i.amount, i.currency));
  const base = { item: `amount \`${x.id}\`` };
  const out: AnswerChange[] = [];
  if (show(a) !== show(b)) out.push({ ...base, change: `${show(a)} → ${show(b)}` });
  if ((a?.percent ?? null) !== (b?.percent ?? null)) out.push({ ...base, change: `percent ${a?.percent ?? 'none'} → ${b?.percent ?? 'none'}` });
  return out;
}

function refundChanges(a: Answer['refund'], b: Answer['refund']): AnswerChange[] {
  if (!a || !b) return a || b ? [{ item: 'refund', change: a ? 'terms → none' : 'none → terms' }] : [];
  const out: AnswerChange[] = [];
  if (a.percent !== b.percent || a.amount !== b.amount)
    out.push({ item: 'refund', change: `${a.percent}% → ${b.percent}%`, detail: `amount ${money(a.amount, a.currency)} → ${money(b.amount, b.currency)}` });
  if ((a.rule ?? 'none') !== (b.rule ?? 'none')) out.push({ item: 'refund', change: `rule ${a.rule ?? 'none'} → ${b.rule ?? 'none'}` });
  return out;
}

function creditChanges(a: CreditItem | undefined, b: CreditItem | undefined): AnswerChange[] {
  const c = (a ?? b)!;
  const base = { item: `credit \`${c.id}\``, subject: c.period.from };
  if (!a || !b) return [{ ...base, change: a ? 'owed → none' : 'none → owed', detail: `${(a ?? b)!.amount} hours` }];
  return a.amount !== b.amount ? [{ ...base, change: `amount ${a.amount} → ${b.amount} hours` }] : [];
}

/** Every change from the answer `a` to the answer `b` to the same case. */
export function diffAnswers(a: Answer, b: Answer): AnswerChange[] {
  const sub = (x: { id: string; subject?: string }) => `${x.id}\u0000${x.subject ?? ''}`;
  return [
    ...pair(a.deadlines, b.deadlines, sub).flatMap(([, x, y]) => deadlineChanges(x, y)),
    ...pair(a.entitlements, b.entitlements, sub).flatMap(([, x, y]) => entitlementChanges(x, y)),
    ...pair(a.amounts ?? [], b.amounts ?? [], (x) => x.id).flatMap(([, x, y]) => amountChanges(x, y)),
    ...refundChanges(a.refund, b.refund),
    ...pair(a.credits, b.credits, (c) => `${c.id}\u0000${Date.parse(c.period.from)}`).flatMap(([, x, y]) => creditChanges(x, y)),
  ];
}
