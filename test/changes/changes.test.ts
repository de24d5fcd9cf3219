// `changes` against brute force: evaluating a case at every minute of a window finds exactly the
// changes `changes` lists for that window (each rounded up to the minute it first shows in).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, SlaError, type Answer, type Case } from '../../engine/index.ts';
import { changes } from '../../engine/changes/index.ts';

const MINUTE = 60_000;

/** The values a user watches, read straight off the answer (independently of engine/changes). */
function watched(a: Answer): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const d of a.deadlines) m.set(`deadline ${d.id} ${d.subject ?? ''} status`, d.status);
  for (const e of a.entitlements) {
    m.set(`entitlement ${e.id} ${e.subject ?? ''} allowed`, e.allowed);
    if (e.remaining !== undefined) m.set(`entitlement ${e.id} ${e.subject ?? ''} remaining`, e.remaining);
  }
  for (const x of a.amounts ?? []) m.set(`amount ${x.id}  amount`, x.amount);
  if (a.refund) {
    m.set('refund refund  eligible', a.refund.eligible);
    m.set('refund refund  amount', a.refund.amount);
  }
  for (const c of a.credits) m.set(`credit ${c.id} ${c.period.from} amount`, c.amount);
  return m;
}

type Diff = Record<string, Record<string, [unknown, unknown]>>;

function record(out: Diff, minute: number, key: string, from: unknown, to: unknown) {
  const at = new Date(minute).toISOString();
  const slot = (out[at] ??= {});
  const prev = slot[key];
  slot[key] = [prev ? prev[0] : from, to];
  if (slot[key][0] === slot[key][1]) delete slot[key];
  if (!Object.keys(slot).length) delete out[at];
}

async function bruteForce(policy: ReturnType<typeof compilePolicy>, kase: Case, fromMs: number, untilMs: number): Promise<Diff> {
  const out: Diff = {};
  let before = watched(await evaluate(policy, { ...kase, at: new Date(fromMs).toISOString() }));
  for (let t = fromMs + MINUTE; t <= untilMs; t += MINUTE) {
    const now = watched(await evaluate(policy, { ...kase, at: new Date(t).toISOString() }));
    for (const key of new Set([...before.keys(), ...now.keys()])) if (before.get(key) !== now.get(key)) record(out, t, key, before.get(key), now.get(key));
    before = now;
  }
  return out;
}

async function listed(policy: ReturnType<typeof compilePolicy>, kase: Case, fromMs: number, untilMs: number): Promise<Diff> {
  const out: Diff = {};
  for (const c of await changes(policy, kase, new Date(fromMs).toISOString(), new Date(untilMs).toISOString())) {
    const minute = Math.ceil(Date.parse(c.at) / MINUTE) * MINUTE;
    for (const x of c.changes) record(out, minute, `${x.kind} ${x.id} ${x.subject ?? ''} ${x.field}`, x.from, x.to);
  }
  return out;
}

const policies = ['relokia', 'data2crm', 'cart2cart', 'crmonline'];
const load = (id: string) => compilePolicy(loadPolicy({ source: readFileSync(`policies/${id}.yaml`, 'utf8'), file: `policies/${id}.yaml` }));
const testCases = (id: string) => (parse(readFileSync(`policies/${id}.test.yaml`, 'utf8')) as { cases: { name: string; case: Case }[] }).cases;

describe('changes agrees with evaluating at every minute', () => {
  for (const id of policies) {
    const cases = testCases(id);
    // a few cases spread over the file, each in a 36-hour window around its first due time (working
    // hours opening and closing, midnights, due times, events)
    for (const i of [0, Math.floor(cases.length / 2), cases.length - 1]) {
      test(`${id}: ${cases[i].name}`, async () => {
        const policy = load(id);
        const kase = cases[i].case;
        const first = await evaluate(policy, kase);
        const center = Date.parse(first.deadlines[0]?.due ?? String(kase.at));
        const fromMs = Math.floor(center / MINUTE) * MINUTE - 12 * 60 * MINUTE;
        const untilMs = fromMs + 36 * 60 * MINUTE;
        const brute = await bruteForce(policy, kase, fromMs, untilMs);
        expect(await listed(policy, kase, fromMs, untilMs)).toEqual(brute);
      });
    }
  }
});

describe('changes', () => {
  const policy = load('relokia');
  const kase: Case = {
    at: '2025-03-10T12:00:00+02:00',
    plans: { support: 'premium' },
    facts: { migration_price: 1200 },
    events: [{ type: 'ticket_opened', at: '2025-03-10T09:15:00+02:00', ticket: 'T-2', channel: 'chat' }],
  };

  test('the next change of an unanswered premium ticket is its first response falling due, 24 hours after it was opened', async () => {
    const next = (await changes(policy, kase, kase.at, '2025-03-20T00:00:00+02:00', { limit: 50 })).find((c) =>
      c.changes.some((x) => x.id === 'first_response'),
    );
    expect(next?.changes.find((x) => x.id === 'first_response')).toMatchObject({
      kind: 'deadline',
      subject: 'T-2',
      field: 'status',
      from: 'pending',
      to: 'breached',
    });
    // breached from the first millisecond after the due instant
    expect(next?.at).toBe('2025-03-11T09:15:00.001+02:00');
  });

  test('an amount that changes is a change: a discount code taking a share off the migration price', async () => {
    const priced: Case = {
      at: '2025-07-01T08:00:00+03:00',
      plans: { support: 'standard' },
      facts: { migration_list_price: 1000 },
      events: [
        { type: 'discount_code', at: '2025-07-01T09:00:00+03:00', code: 'SPRING10', percent: 10 },
        { type: 'discount_code', at: '2025-07-01T09:05:00+03:00', code: 'PARTNER25', percent: 25 },
      ],
    };
    const found = await changes(policy, priced, priced.at, '2025-07-02T00:00:00+03:00');
    const discount = found.flatMap((c) => c.changes.filter((x) => x.kind === 'amount').map((x) => [c.at, x.id, x.from, x.to]));
    expect(discount).toEqual([
      ['2025-07-01T09:00:00.000+03:00', 'migration_discount', 0, 100],
      ['2025-07-01T09:05:00.000+03:00', 'migration_discount', 100, 250],
    ]);
    expect(await listed(policy, priced, Date.parse(priced.at), Date.parse('2025-07-01T10:00:00+03:00'))).toEqual(
      await bruteForce(policy, priced, Date.parse(priced.at), Date.parse('2025-07-01T10:00:00+03:00')),
    );
  });

  test('`limit` stops after that many instants', async () => {
    expect(await changes(policy, kase, kase.at, '2025-03-20T00:00:00+02:00', { limit: 1 })).toHaveLength(1);
  });

  test('an instant without an offset, a window that ends before it starts, or an invalid case is refused', async () => {
    await expect(changes(policy, kase, '2025-03-10T12:00:00', '2025-03-11T12:00:00Z')).rejects.toThrow(SlaError);
    await expect(changes(policy, kase, '2025-03-11T12:00:00Z', '2025-03-10T12:00:00Z')).rejects.toThrow(SlaError);
    await expect(changes(policy, 'not a case' as unknown as Case, '2025-03-10T12:00:00Z', '2025-03-11T12:00:00Z')).rejects.toThrow(SlaError);
  });
});
