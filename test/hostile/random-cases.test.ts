// Law: whatever a caller passes as a case — random bytes as a case file, any JSON value, or a
// case-shaped mapping of hostile values — evaluation gives an answer or diagnostics (SlaError),
// never another exception.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, SlaError, type Case, type CompiledPolicy } from '../../engine/index.ts';
import { parseTestDocument } from '../../engine/testing/index.ts';

const SEED = 20_261_201;
const IDS = ['relokia', 'data2crm', 'cart2cart', 'crmonline'];
const policies = new Map<string, CompiledPolicy>(
  IDS.map((id) => [id, compilePolicy(loadPolicy({ source: readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8'), file: `${id}.yaml` }))]),
);

type Outcome = 'answer' | 'diagnostics';

/** What a caller sees; anything but an Answer or an SlaError with well-formed diagnostics fails the law. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const answer = (await run()) as { deadlines?: unknown; entitlements?: unknown; credits?: unknown };
    expect(Array.isArray(answer.deadlines) && Array.isArray(answer.entitlements) && Array.isArray(answer.credits)).toBe(true);
    expect(JSON.stringify(answer)).not.toMatch(/NaN|Infinity/);
    return 'answer';
  } catch (e) {
    if (!(e instanceof SlaError)) throw e;
    expect(e.diagnostics.length).toBeGreaterThan(0);
    for (const d of e.diagnostics) {
      expect(d.code).toMatch(/^SLA\d{4}$/);
      expect(typeof d.message).toBe('string');
    }
    return 'diagnostics';
  }
}

const hostileScalar = fc.oneof(
  fc.constantFrom(null, true, NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, 1.7976931348623157e308, 5e-324, '', '__proto__', 'constructor', '\u001b[2J', '\u0000'),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    '2025-03-10T12:00:00+02:00',
    '2025-03-10T12:00:00',
    '2025-02-30T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '2200-01-01T00:00:00Z',
    '2025-03-10T12:00:59.99999+18:59',
    '2025-03-10',
  ),
);
const hostileValue = fc.oneof(hostileScalar, fc.array(hostileScalar, { maxLength: 3 }), fc.dictionary(fc.string(), hostileScalar, { maxKeys: 3 }));

function caseShaped(policy: CompiledPolicy) {
  const p = policy.policy;
  const name = (known: string[]) => fc.oneof(fc.constantFrom(...(known.length ? known : ['x'])), fc.string(), fc.constantFrom('__proto__', 'constructor'));
  const mapping = (known: string[]) => fc.oneof(fc.dictionary(name(known), hostileValue, { maxKeys: 4 }), hostileValue);
  const event = fc.oneof(
    fc.record(
      { type: name(Object.keys(p.events)), at: hostileScalar, until: hostileScalar, ticket: hostileScalar, hours: hostileScalar },
      { requiredKeys: ['type'] },
    ),
    hostileValue,
  );
  return fc.record(
    {
      policy: fc.oneof(fc.constant(p.id), hostileScalar),
      at: hostileScalar,
      plans: mapping(Object.keys(p.plans)),
      facts: mapping(Object.keys(p.facts ?? {})),
      events: fc.oneof(fc.array(event, { maxLength: 6 }), hostileValue),
    },
    { requiredKeys: [] },
  );
}

/** The bundled test cases of a policy, each with one field (at, a plan, a fact, an event's field) made hostile. */
function mutatedCase(id: string) {
  const file = `${id}.test.yaml`;
  const { value } = parseCaseSource(readFileSync(new URL(`../../policies/${file}`, import.meta.url), 'utf8'), file);
  const cases = parseTestDocument(value, { file }).cases.map((t) => t.case as Record<string, unknown>);
  return fc.tuple(fc.constantFrom(...cases), fc.nat(), fc.nat(), hostileValue).map(([c, i, j, v]) => {
    const copy = structuredClone(c) as Record<string, unknown>;
    const events = Array.isArray(copy.events) ? (copy.events as Record<string, unknown>[]) : [];
    const targets: [Record<string, unknown>, string][] = [
      [copy, 'at'],
      ...Object.keys((copy.plans as object) ?? {}).map((k) => [copy.plans, k] as [Record<string, unknown>, string]),
      ...Object.keys((copy.facts as object) ?? {}).map((k) => [copy.facts, k] as [Record<string, unknown>, string]),
      ...events.flatMap((e) => Object.keys(e).map((k) => [e, k] as [Record<string, unknown>, string])),
    ];
    const [holder, key] = targets[i % targets.length];
    holder[key] = v;
    if (events.length && j % 3 === 0) events.push({ ...events[j % events.length], at: v }); // and an extra event
    return copy;
  });
}

describe.each(IDS)('%s', (id) => {
  const policy = policies.get(id)!;

  it('its bundled cases with one field made hostile', async () => {
    const seen = new Set<Outcome>();
    await fc.assert(
      fc.asyncProperty(mutatedCase(id), async (value) => void seen.add(await outcome(() => evaluate(policy, value as unknown as Case)))),
      // about 1 mutation in 130 leaves a case valid, so 300 runs may see no answer at all
      { seed: SEED, numRuns: 1000 },
    );
    expect([...seen].sort()).toEqual(['answer', 'diagnostics']);
  }, 60_000);

  it('random bytes as a case file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const text = new TextDecoder().decode(bytes);
        await outcome(async () => {
          const { value } = parseCaseSource(text, 'case.yaml');
          return evaluate(policy, value as unknown as Case);
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 60_000);

  it('any JSON value as a case', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => void (await outcome(() => evaluate(policy, value as unknown as Case)))),
      { seed: SEED, numRuns: 150 },
    );
  }, 60_000);

  it('case-shaped mappings of hostile values', async () => {
    const seen = new Set<Outcome>();
    await fc.assert(
      fc.asyncProperty(caseShaped(policy), async (value) => void seen.add(await outcome(() => evaluate(policy, value as unknown as Case)))),
      { seed: SEED, numRuns: 300 },
    );
    expect(seen.has('diagnostics')).toBe(true);
  }, 60_000);
});
