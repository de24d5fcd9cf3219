// Policy analysis, for the CLI, the server and the playground alike: lint, coverage of the tests,
// the semantic diff of two versions, the impact of a change over a corpus, generated cases.
export { lintPolicy, LINT_RULES, type Finding, type LintRule } from './lint/index.ts';
export {
  measureCoverage,
  type Coverage,
  type RuleCoverage,
  type ConditionCoverage,
  type ClauseCoverage,
  type OutcomeCoverage,
  type Ratio,
} from './coverage.ts';
export { toLcov } from './lcov.ts';
export { semanticDiff, formatPolicyChange, type PolicyChange } from './semantic-diff.ts';
export { diffAnswers, type AnswerChange } from './answer-diff.ts';
export { impact, type Impact, type ImpactGroup, type CorpusCase } from './impact.ts';
export { generateCases, type GenerateOptions } from './generate-cases.ts';
export { horizonOf, type Horizon } from './horizon.ts';
