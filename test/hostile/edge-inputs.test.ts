// Smaller edges: outages decades apart, fractional seconds, offsets beyond ±14:00, JSON's own
// syntax, `any` inside `any`, and a hand-edited compiled policy.
import { describe, expect, it } from 'vitest';
import {
  checkPolicy,
  compilePolicy,
  evaluate,
  loadPolicy,
  parseCaseSource,
  SlaError,
  type Case,
  type CompiledPolicy,
  type Diagnostic,
} from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

const loaded = loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' });
const policy = compilePolicy(loaded);
const base = { plans: { support: 'gold' }, facts: { migration_price: 100 } };

async function refusal(p: CompiledPolicy, input: object): Promise<Diagnostic[]> {
  try {
    await evaluate(p, input as Case);
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected the case to be refused');
}

it("outages 21 years apart each earn their month's credit", async () => {
  const answer = await evaluate(policy, {
    ...base,
    at: '2046-06-01T00:00:00+03:00',
    events: [
      { type: 'outage', at: '2025-03-03T00:00:00+02:00', until: '2025-03-04T00:00:00+02:00' },
      { type: 'outage', at: '2046-03-05T00:00:00+02:00', until: '2046-03-05T12:00:00+02:00' },
    ],
  });
  expect(answer.credits.map((c) => [c.period.from.slice(0, 7), c.amount])).toEqual([
    ['2025-03', 48],
    ['2046-03', 24],
  ]);
}, 20_000);

describe('instants', () => {
  it('fractional seconds are cut to milliseconds, never rounded into the next second', async () => {
    const answer = await evaluate(policy, { ...base, at: '2025-03-10T12:00:59.9999999999+02:00' });
    expect(answer.at).toBe('2025-03-10T12:00:59.999+02:00');
  });

  for (const offset of ['+14:01', '+18:01', '+18:59', '-14:30']) {
    it(`an offset of ${offset} is refused, as in a policy's zone`, async () => {
      expect(await refusal(policy, { ...base, at: `2025-03-10T12:00:00${offset}` })).toEqual([
        expect.objectContaining({ code: 'SLA4002', path: '/at', message: expect.stringContaining('offsets run from -14:00 to +14:00') }),
      ]);
    });
  }

  it('offsets of ±14:00 are accepted', async () => {
    expect((await evaluate(policy, { ...base, at: '2025-03-10T12:00:00+14:00' })).at).toBe('2025-03-10T00:00:00.000+02:00');
    expect((await evaluate(policy, { ...base, at: '2025-03-10T12:00:00-14:00' })).at).toBe('2025-03-11T04:00:00.000+02:00');
  });
});

describe('a .json case is JSON', () => {
  for (const [what, text, line, column] of [
    ['a trailing comma in a list', '{"at": "2025-03-10T12:00:00+02:00",\n "events": [1,]}', 2, 14],
    ['a trailing comma in a mapping', '{"at": "2025-03-10T12:00:00+02:00",\n}', 2, 1],
    ['a comment', '{"at": "2025-03-10T12:00:00+02:00" # now\n}', 1, 36],
  ] as const) {
    it(`${what} is SLA1010 at ${line}:${column}`, async () => {
      expect(() => parseCaseSource(text, 'case.json')).toThrow(SlaError);
      const r = await sla('eval', `${folder({ 'case.json': text })}/case.json`, '--policy', 'relokia');
      expect(r.code).toBe(1);
      expect(diagnosticLines(r)).toEqual([expect.stringMatching(new RegExp(`case\\.json:${line}:${column}: error SLA1010 not valid JSON`))]);
      expectCleanOutput(r);
    }, 20_000);
  }

  it('the same text in a .yaml file is YAML', () => {
    expect(parseCaseSource('{"at": "x", "events": [1,],}', 'case.yaml').value).toEqual({ at: 'x', events: [1] });
  });
});

it('`any` nested in `any` gets one error that says so, at the inner `any`', () => {
  const source = miniPolicyYaml.replace(
    'cost: { percent: 10, of: migration_price }',
    'cost: { percent: 10, of: migration_price }\n    when:\n      - any:\n          - { event: re_migration }\n          - any: [ { event: outage }, { event: full_migration_completed } ]',
  );
  expect(checkPolicy({ source, file: 'p.yaml' })).toEqual([
    expect.objectContaining({
      code: 'SLA2008',
      message: '`any` cannot be nested in `any`',
      path: '/entitlements/0/when/0/any/1',
      line: source.split('\n').findIndex((l) => l.includes('- any: [')) + 1,
    }),
  ]);
});

describe('a hand-edited compiled policy', () => {
  const compiled = () => JSON.parse(JSON.stringify(compilePolicy(loaded))) as CompiledPolicy;
  const kase = { ...base, at: '2025-03-10T12:00:00+02:00' };

  it('with an unknown operator is refused with SLA3017 at the rule, not a plain Error', async () => {
    const c = compiled();
    (c.rules[0].conditions as { all: { operator: string }[] }).all[0].operator = 'bogus';
    expect(await refusal(c, kase)).toEqual([expect.objectContaining({ code: 'SLA3017', path: '/rules/0/conditions/all/0/operator' })]);
  });

  it('with an unknown fact is refused with SLA3002', async () => {
    const c = compiled();
    (c.rules[0].conditions as { all: { fact: string }[] }).all[0].fact = 'nope';
    expect(await refusal(c, kase)).toEqual([expect.objectContaining({ code: 'SLA3002', path: '/rules/0/conditions/all/0/fact' })]);
  });

  it('with a broken IR or no rules is refused with diagnostics', async () => {
    const c = compiled();
    (c.policy as { zone: string }).zone = 'Mars/Olympus';
    expect((await refusal(c, kase))[0]).toMatchObject({ code: 'SLA3007', path: '/policy/zone' });
    expect(await refusal({ ...compiled(), rules: 5 } as unknown as CompiledPolicy, kase)).toEqual([
      expect.objectContaining({ code: 'SLA3018', path: '/rules' }),
    ]);
  });
});
