import { describe, expect, it } from 'vitest';
import { diagnostic, SlaError } from '../../engine/diagnostics/index.ts';
import type { CompiledPolicy } from '../../engine/index.ts';
import { parseTestDocument, runTestCase, type Evaluator } from '../../engine/testing/index.ts';
import { answerFixture } from './answer-fixture.ts';

const policy = { kind: 'compiled' } as unknown as CompiledPolicy;
const doc = parseTestDocument({
  policy: 'relokia',
  cases: [
    { name: 'passes', case: { at: '2025-03-10T12:00:00+02:00' }, expect: { entitlements: [{ id: 're_migration', remaining: 1 }] } },
    { name: 'fails', case: { at: '2025-03-10T12:00:00+02:00' }, expect: { entitlements: [{ id: 're_migration', remaining: 0 }] } },
    { name: 'bad', case: { at: '2025-03-10T12:00:00+02:00' }, expect: { nonsense: 1 } },
  ],
});
const fakeEvaluate: Evaluator = async () => answerFixture();

describe('runTestCase', () => {
  it('passes when the answer matches, and keeps the answer', async () => {
    const outcome = await runTestCase(doc.cases[0], policy, { evaluate: fakeEvaluate });
    expect(outcome).toMatchObject({ name: 'passes', passed: true, mismatches: [], diagnostics: [] });
    expect(outcome.answer).toEqual(answerFixture());
  });

  it('fails with the mismatches', async () => {
    const outcome = await runTestCase(doc.cases[1], policy, { evaluate: fakeEvaluate });
    expect(outcome.passed).toBe(false);
    expect(outcome.mismatches.map((m) => m.path)).toEqual(['entitlements[id=re_migration].remaining']);
  });

  it('does not evaluate a case with diagnostics', async () => {
    let called = false;
    const outcome = await runTestCase(doc.cases[2], policy, {
      evaluate: async () => {
        called = true;
        return answerFixture();
      },
    });
    expect(called).toBe(false);
    expect(outcome).toMatchObject({ passed: false, diagnostics: [{ code: 'SLA5010' }] });
  });

  it('fails an invalid case with its diagnostics, located in the test file', async () => {
    const seen: (string | undefined)[] = [];
    const outcome = await runTestCase(doc.cases[1], policy, {
      file: 'relokia.test.yaml',
      locate: (pointer) => (seen.push(pointer), { line: 7, column: 3 }),
      evaluate: async (_policy, _input, options) => {
        const at = options.locate?.('/at');
        throw new SlaError([diagnostic('SLA4002', 'time without offset', { file: options.file, ...at, path: '/at' })]);
      },
    });
    expect(seen).toEqual(['/cases/1/case/at']);
    expect(outcome).toMatchObject({
      passed: false,
      diagnostics: [{ code: 'SLA4002', file: 'relokia.test.yaml', line: 7, column: 3 }],
    });
  });

  it('turns an unexpected error into a failed case instead of throwing', async () => {
    const outcome = await runTestCase(doc.cases[0], policy, {
      evaluate: async () => {
        throw new TypeError('boom');
      },
    });
    expect(outcome).toMatchObject({ passed: false, error: 'boom' });
  });
});
