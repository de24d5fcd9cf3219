// Runs one test case: evaluate, then match. Bad input fails the case with its diagnostics;
// an unexpected error fails it too, so one broken case never stops a run.
import type { Answer } from '../answer.ts';
import type { Case } from '../case/case-input.ts';
import { SlaError, type Diagnostic } from '../diagnostics/index.ts';
import { evaluate, type EvaluateOptions } from '../evaluate/evaluate.ts';
import type { CompiledPolicy, Locator } from '../policy-types.ts';
import type { TestCase } from './expectation.ts';
import { matchExpectation } from './match-expectation.ts';
import type { Mismatch } from './mismatch.ts';

export type Evaluator = (policy: CompiledPolicy, input: Case, options: EvaluateOptions) => Promise<Answer>;

export interface CaseOutcome {
  name: string;
  passed: boolean;
  mismatches: Mismatch[];
  diagnostics: Diagnostic[];
  /** an error that is not about the input (a bug), as one line */
  error?: string;
  answer?: Answer;
}

export interface RunCaseOptions {
  /** the test file's name and source map: case diagnostics then point into the test file */
  file?: string;
  locate?: Locator;
  lang?: string;
  /** the evaluator to use (the engine's by default) */
  evaluate?: Evaluator;
}

export async function runTestCase(testCase: TestCase, policy: CompiledPolicy, options: RunCaseOptions = {}): Promise<CaseOutcome> {
  const failed = (extra: Partial<CaseOutcome>): CaseOutcome => ({
    name: testCase.name,
    passed: false,
    mismatches: [],
    diagnostics: [],
    ...extra,
  });
  const errors = testCase.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return failed({ diagnostics: testCase.diagnostics });

  const { locate } = options;
  const evaluateOptions: EvaluateOptions = {
    ...(options.lang !== undefined ? { lang: options.lang } : {}),
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(locate ? { locate: (pointer: string, part?: 'key' | 'value') => locate(`${testCase.pointer}/case${pointer}`, part) } : {}),
  };
  let answer: Answer;
  try {
    // the case is validated in depth by evaluate
    answer = await (options.evaluate ?? evaluate)(policy, testCase.case as Case, evaluateOptions);
  } catch (e) {
    if (e instanceof SlaError) return failed({ diagnostics: e.diagnostics });
    return failed({ error: e instanceof Error ? e.message : String(e) });
  }
  const mismatches = matchExpectation(answer, testCase.expect);
  return { name: testCase.name, passed: mismatches.length === 0, mismatches, diagnostics: [], answer };
}
