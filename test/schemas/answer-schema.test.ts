// The Answer schema (engine/schemas/answer.ts) says what the evaluator gives, and the Case schema
// (engine/schemas/case.ts) what it takes: every answer of the
// bundled test cases validates against it, with no field it does not list, and the schema's type
// and engine/answer.ts agree in both directions.
import { Ajv } from 'ajv';
import type { Static } from '@sinclair/typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Answer as AnswerType } from '../../engine/answer.ts';
import type { Case as CaseType } from '../../engine/case/case-input.ts';
import { compilePolicy, evaluate, loadPolicy, type CompiledPolicy } from '../../engine/index.ts';
import { Answer } from '../../engine/schemas/answer.ts';
import { Case } from '../../engine/schemas/case.ts';
import { bundledCases, policySource } from '../fixtures/bundled-cases.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const validAnswer = ajv.compile(Answer);
const validCase = ajv.compile(Case);

const compiled = new Map<string, CompiledPolicy>();
const policy = (id: string) => {
  if (!compiled.has(id)) compiled.set(id, compilePolicy(loadPolicy({ source: policySource(id), file: `${id}.yaml` })));
  return compiled.get(id)!;
};

const cases = bundledCases();

it('replays every bundled test case', () => expect(new Set(cases.map((c) => c.file)).size).toBeGreaterThanOrEqual(4));

describe('every bundled answer validates against the Answer schema', () => {
  for (const c of cases)
    it(`${c.file}: ${c.name}`, async () => {
      const answer = await evaluate(policy(c.policy), c.case, { lang: 'en' });
      expect(validAnswer(answer) ? [] : validAnswer.errors).toEqual([]);
    });
});

it('every bundled case has the shape of the Case schema', () => {
  const bad = cases.filter((c) => !validCase({ ...c.case, policy: c.policy }));
  expect(bad.map((c) => c.name)).toEqual([]);
});

it('rejects an answer with a field engine/answer.ts does not have', async () => {
  const answer = await evaluate(policy('relokia'), cases.find((c) => c.policy === 'relokia')!.case);
  expect(validAnswer({ ...answer, score: 1 })).toBe(false);
  expect(validAnswer({ ...answer, deadlines: [{ ...answer.deadlines[0], late: true }] })).toBe(false);
});

it('the Case schema has the same TypeScript type as engine/case/case-input.ts', () => {
  expectTypeOf<Static<typeof Case>>().toExtend<CaseType>();
  expectTypeOf<CaseType>().toExtend<Static<typeof Case>>();
});

it('has the same TypeScript type as engine/answer.ts', () => {
  expectTypeOf<Static<typeof Answer>>().toExtend<AnswerType>();
  expectTypeOf<AnswerType>().toExtend<Static<typeof Answer>>();
});
