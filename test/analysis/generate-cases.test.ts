// Generated cases: the same for a seed, valid under their policy (the evaluator accepts every one),
// and varied enough to reach the policy's answers.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../engine/analysis/generate-cases.ts';
import { seededRandom } from '../../engine/analysis/random.ts';
import { compilePolicy, evaluate, loadPolicy } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';

const load = (id: string) => loadPolicy({ source: readFileSync(`policies/${id}.yaml`, 'utf8'), file: `${id}.yaml` });
const BUNDLED = ['relokia', 'data2crm', 'cart2cart', 'crmonline'];

describe('generateCases', () => {
  it('is deterministic for a seed, differs between seeds, and a longer run starts with a shorter one', () => {
    const { ir } = load('relokia');
    const a = generateCases(ir, { count: 20, seed: 42 });
    expect(generateCases(ir, { count: 20, seed: 42 })).toEqual(a);
    expect(generateCases(ir, { count: 50, seed: 42 }).slice(0, 20)).toEqual(a);
    expect(generateCases(ir, { count: 20, seed: 43 })).not.toEqual(a);
  });

  for (const id of BUNDLED)
    it(`gives ${id} cases its evaluator accepts, reaching every plan option and several deadline statuses`, async () => {
      const loaded = load(id);
      const compiled = compilePolicy(loaded);
      const cases = generateCases(loaded.ir, { count: 150, seed: 7 });
      const statuses = new Set<string>();
      for (const c of cases) {
        const answer = await evaluate(compiled, c);
        expect(answer.warnings.filter((w) => /after `at`/.test(w))).toEqual([]);
        for (const d of answer.deadlines) statuses.add(d.status);
      }
      for (const [dim, decl] of Object.entries(loaded.ir.plans)) expect(new Set(cases.map((c) => c.plans![dim]))).toEqual(new Set(decl.options));
      expect(statuses.size).toBeGreaterThanOrEqual(id === 'crmonline' ? 1 : 2);
    }, 60_000);

  it('gives valid cases for any seed (property, mini policy)', async () => {
    const loaded = loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' });
    const compiled = compilePolicy(loaded);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 32 - 1 }), async (seed) => {
        for (const c of generateCases(loaded.ir, { count: 3, seed })) await evaluate(compiled, c);
      }),
      { seed: 14, numRuns: 60 },
    );
  });
});

describe('seededRandom', () => {
  it('stays in its ranges and spreads over them', () => {
    const r = seededRandom(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(3, 7);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(7);
      seen.add(x);
      const f = r.next();
      expect(f >= 0 && f < 1).toBe(true);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});
