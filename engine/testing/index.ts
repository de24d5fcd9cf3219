// Test files (`*.test.yaml`): validation, the expectation matcher and the case runner.
// Platform-neutral, so the playground runs tests exactly as `sla test` does.
export { parseTestDocument, type TestDocumentOptions } from './parse-test-document.ts';
export { matchExpectation, itemPath } from './match-expectation.ts';
export { runTestCase, type CaseOutcome, type Evaluator, type RunCaseOptions } from './run-test-case.ts';
export { formatMismatch, describeMismatch, showValue, type Mismatch } from './mismatch.ts';
export { compareValues, valuesMatch, NUMBER_TOLERANCE, type ValueMismatch } from './values-match.ts';
export { instantMillis } from './instant.ts';
export type { Expectation, ExpectedItem, TestCase, TestDocument } from './expectation.ts';
