// The fast reading of a case, by law: on random cases, valid and invalid, it accepts exactly the
// cases the careful validator accepts and gives the same normalised case (down to the order of
// keys; each event's attributes compared by name, see attributes-only.ts), and validateCase gives
// what the careful validator gives, its diagnostics included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, SlaError } from '../../engine/index.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { percentInputs } from '../../engine/ir/amount.ts';
import { readValidCase } from '../../engine/case/read-valid-case.ts';
import { validateCase } from '../../engine/case/validate-case.ts';
import { validateCaseCarefully } from '../../engine/case/validate-case-carefully.ts';
import { arbitraryValue } from '../evaluate/arbitrary-value.ts';
import { BUNDLED, bundled } from '../evaluate/backends-agree.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { withAttributesOnly } from './attributes-only.ts';

const SEED = 20_261_201;
const RUNS = 600;
const HOUR = 3_600_000;

// The mini policy with what the bundled ones lack: an optional attribute and an integer that may be
// negative, with a default. (An attribute named like a field of every event, `type`, `at` or
// `until`, is refused by the policy checks.)
const oddPolicyYaml = miniPolicyYaml.replace(
  '  outage: { duration: true }',
  '  outage: { duration: true, attributes: { note: { type: string, required: false }, level: { type: integer, minimum: -5, default: 0 } } }',
);
const policies: [string, Policy][] = [
  ...BUNDLED.map((id): [string, Policy] => [id, bundled(id).policy]),
  ['mini, odd declarations', compilePolicy(loadPolicy({ source: oddPolicyYaml, file: 'odd.yaml' })).policy],
];

/** A key set as an own property whatever its name (`obj.__proto__ = v` would set the prototype). */
function put(o: unknown, key: string, value: unknown): void {
  if (typeof o !== 'object' || o === null) return; // an earlier change made it something else
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

const offsetText = (minutes: number) => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/** An instant written as a case may write it: the answers' form (with an offset or Z, with or
 *  without milliseconds) or one only the strict parser reads (a space, `t`, a comma, 4+ digits). */
const instantText = (ms: number) =>
  fc.tuple(fc.constantFrom(0, 180, 120, -210, 345, 840, -720), fc.nat(5)).map(([off, form]) => {
    const local = new Date(ms + off * 60_000).toISOString().slice(0, 23); // 2025-03-07T10:00:00.000
    const zone = off === 0 && form % 2 === 0 ? 'Z' : offsetText(off);
    if (form === 0) return `${local}${zone}`;
    if (form === 1) return `${local.slice(0, 19)}${zone}`;
    if (form === 2) return `${local.replace('T', ' ')}${zone}`;
    if (form === 3) return `${local.replace('T', 't').replace('.', ',')}4${zone}`;
    if (form === 4) return `${local.slice(0, 16)}${zone.replace(':', '')}`;
    return ` ${local}${zone} `;
  });

const BAD_INSTANTS = [
  '2025-03-07T10:00:00',
  '2025-03-07',
  '2025-02-30T10:00:00Z',
  'NaN',
  '',
  '2025-03-07T10:00:00+15:00',
  '1850-01-01T00:00:00Z',
  1741341600000,
  null,
];
const BAD_VALUES = ['1000', 'NaN', 'Infinity', '', 1e12, -1e12, 1e308, Infinity, -Infinity, NaN, -1, -0.5, 1.5, 101, 'zzz', true, null, [], {}, undefined];
const ODD_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'chanel', 'x'];

/** A case valid under `p` as far as the generator knows (events in any order, some after `at`). */
function validCase(p: Policy): fc.Arbitrary<Record<string, unknown>> {
  const percents = percentInputs(p);
  const at = Date.UTC(2025, 2, 10, 12);
  // few distinct instants sometimes, so that events tie and keep the case's order
  const when = fc.oneof(
    fc.integer({ min: -40 * 24, max: 48 }).map((h) => at + h * HOUR),
    fc.constantFrom(at - HOUR, at, at + 1, at - 1),
  );
  const event = fc.constantFrom(...Object.keys(p.events)).chain((type) => {
    const decl = p.events[type];
    const attrs = Object.entries(decl.attributes ?? {}).filter(([name]) => !['type', 'at', 'until'].includes(name));
    const given = fc.record(Object.fromEntries(attrs.map(([n, a]) => [n, arbitraryValue(a, percents.attributes.has(`${type}.${n}`))])), {
      // an attribute with a default, or not required, may be left out
      requiredKeys: attrs.filter(([, a]) => a.default === undefined && a.required !== false).map(([n]) => n),
    });
    return fc
      .tuple(when, given, fc.option(fc.integer({ min: 0, max: 72 })))
      .chain(([t, a, hours]) =>
        fc
          .tuple(instantText(t), instantText(t + (hours ?? 0) * HOUR))
          .map(([start, end]) => ({ type, at: start, ...a, ...(decl.duration && hours !== null ? { until: end } : {}) })),
      );
  });
  const plans = fc.record(Object.fromEntries(Object.entries(p.plans).map(([dim, d]) => [dim, fc.constantFrom(...d.options)])), {
    requiredKeys: Object.entries(p.plans)
      .filter(([, d]) => d.default === undefined)
      .map(([dim]) => dim),
  });
  const facts = fc.record(Object.fromEntries(Object.entries(p.facts ?? {}).map(([n, d]) => [n, arbitraryValue(d, percents.facts.has(n))])), {
    requiredKeys: [],
  });
  const events = fc.oneof(
    { weight: 6, arbitrary: fc.array(event, { maxLength: 30 }) },
    // long lists, sorted, reversed or shuffled: past the budget of moves that keeps sorting linear
    { weight: 1, arbitrary: fc.tuple(fc.array(event, { minLength: 100, maxLength: 300 }), fc.nat(2)).map(([list, order]) => arrange(list, order)) },
  );
  return fc.record({ at: instantText(at), plans, facts, events, policy: fc.constantFrom(p.id, undefined) }, { requiredKeys: ['at'] }).map((c) => {
    if (c.policy === undefined) delete c.policy;
    return c;
  });
}

const instantOf = (e: Record<string, unknown>) => {
  const s = String(e.at).trim();
  return Date.parse(
    s
      .replace(/^(\d{4}-\d\d-\d\d)[ t]/, '$1T')
      .replace(',', '.')
      .replace(/([+-]\d\d)(\d\d)$/, '$1:$2'),
  );
};
function arrange(list: Record<string, unknown>[], order: number): Record<string, unknown>[] {
  if (order === 2) return list;
  const sorted = [...list].sort((a, b) => instantOf(a) - instantOf(b));
  return order === 0 ? sorted : sorted.reverse();
}

type Mutation = (c: Record<string, unknown>, pick: number, p: Policy) => void;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const eventOf = (c: Record<string, unknown>, pick: number): Record<string, unknown> | undefined => {
  const list = c.events;
  const e: unknown = Array.isArray(list) && list.length ? list[pick % list.length] : undefined;
  return isRecord(e) ? e : undefined;
};
const MUTATIONS: Mutation[] = [
  (c, k) => eventOf(c, k) && put(eventOf(c, k)!, 'type', `${String(eventOf(c, k)!.type)}x`),
  (c, k) => eventOf(c, k) && put(eventOf(c, k)!, 'type', ODD_KEYS[k % ODD_KEYS.length]),
  (c, k) => eventOf(c, k) && put(eventOf(c, k)!, ODD_KEYS[k % ODD_KEYS.length], 'x'),
  (c, k) => {
    const e = eventOf(c, k);
    const names = e ? Object.keys(e).filter((n) => !['type', 'at', 'until'].includes(n)) : [];
    if (e && names.length) put(e, names[k % names.length], BAD_VALUES[k % BAD_VALUES.length]);
  },
  (c, k) => {
    const facts = c.facts;
    const names = isRecord(facts) ? Object.keys(facts) : [];
    if (names.length) put(facts, names[k % names.length], BAD_VALUES[k % BAD_VALUES.length]);
  },
  (c, k, p) => {
    // a value the policy reads as a percentage, just over 100
    const { facts, attributes } = percentInputs(p);
    for (const e of Array.isArray(c.events) ? c.events : [])
      for (const a of attributes) if (isRecord(e) && a.startsWith(`${String(e.type)}.`)) return put(e, a.slice(String(e.type).length + 1), 100.5);
    if (facts.size) put((c.facts ??= {}), [...facts][k % facts.size], 101);
  },
  (c, k) => put((c.facts ??= {}), ODD_KEYS[k % ODD_KEYS.length], 1),
  (c, k) => put(c, 'at', BAD_INSTANTS[k % BAD_INSTANTS.length]),
  (c, k) => eventOf(c, k) && put(eventOf(c, k)!, k % 3 === 0 ? 'until' : 'at', BAD_INSTANTS[k % BAD_INSTANTS.length]),
  (c, k) => {
    const e = eventOf(c, k);
    if (e) delete e[['at', 'type'][k % 2]];
  },
  (c, k) => {
    // a required attribute or a plan without a default left out
    const e = eventOf(c, k);
    const names = e ? Object.keys(e).filter((n) => !['type', 'at', 'until'].includes(n)) : [];
    if (e && names.length) delete e[names[k % names.length]];
    else delete c.plans;
  },
  (c, k, p) => {
    // an end before the start (on an event with a duration, when there is one), or an end on an event without a duration
    const list = Array.isArray(c.events) ? c.events.filter(isRecord) : [];
    const lasting = list.filter((e) => p.events[String(e.type)]?.duration);
    if (k % 2) put(lasting[k % (lasting.length || 1)], 'until', '2025-01-01T00:00:00Z');
    else put(list[k % (list.length || 1)], 'until', '2025-12-31T00:00:00Z');
  },
  (c, k) => put(c, ['event', '__proto__', 'policy', 'constructor'][k % 4], k % 4 === 2 ? 'other' : []),
  (c, k) => put(c, ['plans', 'facts', 'events'][k % 3], [[], 'gold', null, {}][Math.floor(k / 3) % 4]),
  (c, k) => {
    const list = c.events;
    if (Array.isArray(list) && list.length) list[k % list.length] = [null, [], 'x', 7][k % 4];
  },
  (c, k, p) => {
    const dims = Object.keys(p.plans);
    put((c.plans ??= {}), k % 2 ? dims[k % dims.length] : ODD_KEYS[k % ODD_KEYS.length], k % 4 === 1 ? 7 : 'platinum');
  },
];

/** Valid cases, and cases with one thing wrong (most often) or up to three. */
const change = fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat());
const changes = fc.oneof(
  { weight: 3, arbitrary: fc.constant([]) },
  { weight: 5, arbitrary: fc.tuple(change) },
  { weight: 2, arbitrary: fc.array(change, { minLength: 2, maxLength: 3 }) },
);
const anyCase = (p: Policy) =>
  fc.tuple(validCase(p), changes).map(([c, changes]) => {
    for (const [m, pick] of changes) MUTATIONS[m](c, pick, p);
    return c;
  });

type Outcome = { accepted: unknown } | { refused: unknown };
function outcome(read: () => unknown): Outcome {
  try {
    return { accepted: read() };
  } catch (e) {
    if (e instanceof SlaError) return { refused: e.diagnostics };
    throw e;
  }
}

describe('the fast reading of a case agrees with the careful validator', () => {
  for (const [name, p] of policies) {
    it(`on random valid and invalid cases: ${name}`, { timeout: 60_000 }, () => {
      let accepted = 0;
      let refused = 0;
      fc.assert(
        fc.property(anyCase(p), (input) => {
          const careful = outcome(() => validateCaseCarefully(p, input));
          const fast = readValidCase(p, input);
          if ('accepted' in careful) {
            accepted++;
            expect(withAttributesOnly(fast)).toStrictEqual(careful.accepted);
            expect(JSON.stringify(withAttributesOnly(fast))).toBe(JSON.stringify(careful.accepted));
          } else {
            refused++;
            expect(fast).toBeUndefined();
          }
          expect(outcome(() => withAttributesOnly(validateCase(p, input)))).toStrictEqual(careful);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // both sides of the law were exercised
      expect(accepted).toBeGreaterThan(RUNS / 5);
      expect(refused).toBeGreaterThan(RUNS / 5);
    });
  }
});

describe('the fast reading of a case', () => {
  const [, relokia] = policies[0];
  const kase = (events: unknown[]) => ({ at: '2025-07-21T12:00:00+03:00', plans: { support: 'signature' }, events });
  const payment = (at: string) => ({ type: 'payment', at });

  it('puts events in time order, ties in the order the case gives them, and sets aside those after `at`', () => {
    const read = readValidCase(
      relokia,
      kase([payment('2025-07-10T00:00:00Z'), payment('2025-07-01T00:00:00Z'), payment('2025-07-30T00:00:00Z'), payment('2025-07-01T00:00:00Z')]),
    );
    expect(read?.events.map((e) => e.index)).toEqual([1, 3, 0]);
    expect(read?.later.map((e) => e.index)).toEqual([2]);
  });

  it('sorts thousands of events given newest first', () => {
    const events = Array.from({ length: 5000 }, (_, i) => payment(new Date(Date.UTC(2025, 6, 20) - i * 60_000).toISOString()));
    const read = readValidCase(relokia, kase(events));
    expect(read?.events.map((e) => e.index)).toEqual(events.map((_, i) => 4999 - i));
  });

  it('leaves to the careful validator what it does not read: an event list with holes, an inherited field', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holes = kase([payment('2025-07-01T00:00:00Z'), , payment('2025-07-02T00:00:00Z')]);
    expect(readValidCase(relokia, holes)).toBeUndefined();
    expect(validateCase(relokia, holes).events.map((e) => e.index)).toEqual([0, 2]);
    const inherited = Object.create({ ticket: 'T-1' }) as Record<string, unknown>;
    Object.assign(inherited, { type: 'ticket_answered', at: '2025-07-01T00:00:00Z' });
    expect(readValidCase(relokia, kase([inherited]))).toBeUndefined();
    expect(outcome(() => validateCase(relokia, kase([inherited])))).toStrictEqual(outcome(() => validateCaseCarefully(relokia, kase([inherited]))));
  });
});
