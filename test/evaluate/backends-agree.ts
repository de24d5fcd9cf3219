// The differential law between the two ways of running compiled rules: for any case, the compiled
// closures and json-rules-engine give deep-equal Answers (explanations included), or refuse the
// case with the same diagnostics. Shared by the seeded test and the long run (`npm run fuzz`).
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { compilePolicy, evaluate, loadPolicy, SlaError, type Answer, type Backend, type Case, type CompiledPolicy } from '../../engine/index.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { arbitraryValue } from './arbitrary-value.ts';
import { percentInputs } from '../../engine/ir/amount.ts';

export const BUNDLED = ['relokia', 'data2crm', 'cart2cart', 'crmonline'] as const;

export function bundled(id: string): CompiledPolicy {
  const source = readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8');
  return compilePolicy(loadPolicy({ source, file: `${id}.yaml` }));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Days where calendars have edges: DST changes in Kyiv (2024, 2025), holidays of the bundled
// calendars (New Year, Orthodox Christmas, 8 March, Nowruz, 1 May), month ends of the Jalali year.
const EDGE_DAYS = [
  '2024-03-31',
  '2024-10-27',
  '2025-03-30',
  '2025-10-26',
  '2024-01-01',
  '2025-01-01',
  '2024-01-07',
  '2024-03-08',
  '2024-03-20',
  '2024-03-21',
  '2025-03-21',
  '2024-05-01',
  '2024-10-22',
  '2024-11-21',
  '2024-12-31',
].map((d) => Date.parse(`${d}T00:00:00Z`));
const BASE = Date.UTC(2024, 0, 1);

/** An instant: anywhere in two years, or near an edge day's midnight (in UTC, Kyiv or Tehran) ±1 ms. */
const instantMs = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 730 * 24 }).map((h) => BASE + h * HOUR) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...EDGE_DAYS), fc.constantFrom(0, -2 * HOUR, -3 * HOUR, -3.5 * HOUR, 3 * HOUR, 9 * HOUR), fc.constantFrom(-1, 0, 1))
      .map(([day, shift, ms]) => day + shift + ms),
  },
);
const iso = (ms: number) => new Date(ms).toISOString();

/** Random cases from a policy's declarations: events of every declared type near `at` (before and
 *  after it), none at all, or hundreds; `nudge` picks an instant of the answer to move `at` to ±1 ms. */
export function caseArbitrary(p: Policy) {
  const percents = percentInputs(p);
  const plans = fc.record(Object.fromEntries(Object.entries(p.plans).map(([d, decl]) => [d, fc.constantFrom(...decl.options)])));
  const facts = fc.record(Object.fromEntries(Object.entries(p.facts ?? {}).map(([n, d]) => [n, arbitraryValue(d, percents.facts.has(n))])), {
    requiredKeys: [],
  });
  return fc.tuple(instantMs, plans, facts).chain(([at, plans, facts]) => {
    const near = fc.oneof(
      instantMs,
      fc.integer({ min: -60 * 24, max: 2 }).map((h) => at + h * HOUR),
      fc.integer({ min: -40, max: 1 }).map((d) => at + d * DAY),
    );
    const event = (types: string[]) =>
      fc.constantFrom(...types).chain((type) => {
        const decl = p.events[type];
        const attrs = Object.fromEntries(
          Object.entries(decl.attributes ?? {}).map(([n, a]) => [n, arbitraryValue(a, percents.attributes.has(`${type}.${n}`))]),
        );
        return fc.tuple(near, fc.record(attrs), fc.integer({ min: 1, max: 30 * 24 })).map(([t, a, hours]) => ({
          type,
          at: iso(t),
          ...a,
          ...(decl.duration ? { until: iso(t + hours * HOUR) } : {}),
        }));
      });
    const all = Object.keys(p.events);
    // Pending anchors: often some event types never occur (a migration started but not completed,
    // an issue reported before any completion), so instants counted from them stay pending.
    const present = fc.oneof(fc.constant(all), fc.subarray(all, { minLength: 1 }));
    // A ledger's grants and uses, several of each, some old enough for their pools to expire.
    const ledgers = (p.entitlements ?? []).filter((e) => e.ledger && e.used);
    const ledgerTypes = [
      ...new Set(ledgers.flatMap((e) => [e.ledger!.grant.event, ...('count' in e.used! ? [e.used.count.event] : 'of' in e.used! ? [e.used.of.event] : [])])),
    ];
    const longAgo = fc.integer({ min: -800, max: 40 }).map((d) => at + (d - 365) * DAY);
    const ledgerEvent = ledgerTypes.length
      ? fc
          .constantFrom(...ledgerTypes)
          .chain((type) =>
            fc
              .tuple(
                fc.oneof(near, longAgo),
                fc.record(Object.fromEntries(Object.entries(p.events[type].attributes ?? {}).map(([n, a]) => [n, arbitraryValue(a)]))),
              )
              .map(([t, a]) => ({ type, at: iso(t), ...a })),
          )
      : undefined;
    const some = present.chain((types) => fc.array(event(types), { maxLength: 30 }));
    const events = fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 8, arbitrary: some },
      { weight: 1, arbitrary: present.chain((types) => fc.array(event(types), { minLength: 150, maxLength: 400 })) },
      ...(ledgerEvent ? [{ weight: 4, arbitrary: fc.tuple(some, fc.array(ledgerEvent, { minLength: 2, maxLength: 16 })).map(([a, b]) => [...a, ...b]) }] : []),
    );
    return fc.record({
      kase: fc.record({ at: fc.constant(iso(at)), plans: fc.constant(plans), facts: fc.constant(facts), events }),
      nudge: fc.record({ pick: fc.nat(), by: fc.constantFrom(-1, 0, 1) }),
    });
  });
}

type Outcome = { answer: Answer } | { refused: unknown };

async function outcome(policy: CompiledPolicy, input: Case, engine: Backend): Promise<Outcome> {
  try {
    return { answer: await evaluate(policy, input, { engine }) };
  } catch (e) {
    if (e instanceof SlaError) return { refused: e.diagnostics };
    throw e;
  }
}

/** Instants the answer gives (deadlines due and met, windows' ends): where `at` is worth moving to. */
function answerInstants(a: Answer): string[] {
  const out: string[] = [];
  for (const d of a.deadlines) out.push(d.due, ...(d.met_at ? [d.met_at] : []));
  for (const e of a.entitlements) {
    for (const t of [e.opens, e.until]) if (typeof t === 'string') out.push(t);
    for (const p of e.pools ?? []) if (p.expires !== null) out.push(p.expires);
  }
  return out;
}

/** Evaluates a case under both backends, then again with `at` moved to an instant of its answer
 *  (±1 ms); returns what differs, or null. */
export async function disagreement(policy: CompiledPolicy, input: Case, nudge: { pick: number; by: number }): Promise<string | null> {
  const check = async (c: Case): Promise<string | null | Outcome> => {
    const compiled = await outcome(policy, c, 'compiled');
    const reference = await outcome(policy, c, 'json-rules-engine');
    if (isDeepStrictEqual(compiled, reference)) return compiled;
    return `case ${JSON.stringify(c)}\n  compiled: ${JSON.stringify(compiled)}\n  json-rules-engine: ${JSON.stringify(reference)}`;
  };
  const first = await check(input);
  if (typeof first === 'string' || first === null) return first;
  if (!('answer' in first)) return null;
  const instants = answerInstants(first.answer);
  if (!instants.length) return null;
  const moved = Date.parse(instants[nudge.pick % instants.length]) + nudge.by;
  const second = await check({ ...input, at: iso(moved) });
  return typeof second === 'string' ? second : null;
}
