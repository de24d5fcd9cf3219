// Numbers at the edges: NaN and infinities (YAML's .nan and .inf) are refused wherever a number
// is expected, and every number is bounded to what an answer carries exactly, with the error
// saying so.
import { describe, expect, it } from 'vitest';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, parseCaseSource, SlaError, type Case, type Diagnostic } from '../../engine/index.ts';
import { MAX_MAGNITUDE } from '../../engine/ir/number-limits.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('in a policy', () => {
  const edits: [string, string, string][] = [
    ['a default', 'migration_price: { type: number }', 'migration_price: { type: number, default: .nan }'],
    ['a threshold', 'below: 0.99', 'below: .nan'],
    ['a multiplier', 'multiplier: 2', 'multiplier: .inf'],
    ['a cost', 'cost: { percent: 10, of: migration_price }', 'cost: { amount: -.inf }'],
    ['a limit', 'limit: 1', 'limit: .nan'],
  ];
  for (const [what, from, to] of edits) {
    it(`${what} of ${to.match(/-?\.(nan|inf)/)![0]} is SLA2004 "must be a finite number", at its line`, async () => {
      const source = miniPolicyYaml.replace(from, to);
      expect(source).not.toBe(miniPolicyYaml);
      const found = checkPolicy({ source, file: 'p.yaml' });
      expect(found).toContainEqual(
        expect.objectContaining({ code: 'SLA2004', line: lineOf(source, to), message: expect.stringMatching(/must be a finite number, not -?(NaN|Infinity)/) }),
      );
      const r = await sla('check', `${folder({ 'p.yaml': source })}/p.yaml`);
      expect(r.code).toBe(1);
      expectCleanOutput(r);
    }, 20_000);
  }

  it(`a number beyond ${MAX_MAGNITUDE} is SLA3016, saying why`, () => {
    const source = miniPolicyYaml.replace('multiplier: 2', 'multiplier: 1.7976931348623157e308');
    expect(checkPolicy({ source, file: 'p.yaml' })).toEqual([
      expect.objectContaining({
        code: 'SLA3016',
        line: lineOf(source, 'multiplier:'),
        message: expect.stringMatching(/out of range: numbers are at most 100,000,000,000 in magnitude, so that money in cents and sums stay exact/),
      }),
    ]);
  });
});

describe('in a case', () => {
  const policy = compilePolicy(loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' }));
  const kase = (facts: string, hours = '1') =>
    `at: 2025-03-10T12:00:00+02:00\nplans: { support: gold }\nfacts: { ${facts} }\nevents:\n  - { type: support_time_used, at: 2025-03-09T12:00:00+02:00, hours: ${hours} }\n  - { type: support_time_used, at: 2025-03-09T13:00:00+02:00, hours: ${hours} }\n`;
  async function diagnostics(source: string): Promise<Diagnostic[]> {
    const { value, locate } = parseCaseSource(source, 'case.yaml');
    try {
      await evaluate(policy, value as Case, { file: 'case.yaml', locate });
    } catch (e) {
      if (e instanceof SlaError) return e.diagnostics;
      throw e;
    }
    return [];
  }

  for (const v of ['.nan', '.inf', '-.inf']) {
    it(`a fact of ${v} is SLA4008 "numbers must be finite"`, async () => {
      expect(await diagnostics(kase(`migration_price: ${v}`))).toEqual([
        expect.objectContaining({
          code: 'SLA4008',
          line: 3,
          message: expect.stringMatching(/must be a number, not -?(NaN|Infinity) \(numbers must be finite\)/),
        }),
      ]);
    });
  }

  for (const [what, source, line] of [
    ['a huge price', kase('migration_price: 1.7976931348623157e308'), 3],
    ['an integer beyond 2^53', kase('migration_price: 9007199254740993'), 3],
    ['two huge hours', kase('migration_price: 1', '1e308'), 5],
  ] as const) {
    it(`${what} is SLA4016, saying the bound`, async () => {
      const found = await diagnostics(source);
      expect(found[0]).toMatchObject({ code: 'SLA4016', line, message: expect.stringMatching(/out of range: numbers are at most 100,000,000,000/) });
      const dir = folder({ 'case.yaml': source, 'mini.yaml': miniPolicyYaml });
      const r = await sla('eval', `${dir}/case.yaml`, '--policy', `${dir}/mini.yaml`);
      expect(r.code).toBe(1);
      expect(diagnosticLines(r)[0]).toMatch(new RegExp(`case\\.yaml:${line}:\\d+: error SLA4016 `));
      expectCleanOutput(r);
    }, 20_000);
  }

  it(`numbers up to ${MAX_MAGNITUDE} answer exactly`, async () => {
    const { value } = parseCaseSource(kase(`migration_price: ${MAX_MAGNITUDE}`, String(MAX_MAGNITUDE)));
    const answer = await evaluate(policy, value as Case);
    const redo = answer.entitlements.find((e) => e.id === 're_migration')!;
    expect(redo.cost).toEqual({ amount: MAX_MAGNITUDE / 10, currency: 'USD' });
    expect(JSON.stringify(answer)).not.toMatch(/null,?\s*"currency"|Infinity/);
  });
});
