// The engine without the country holiday data, which loads on demand (see index.ts for the entry
// that has it ready). The DSL front end is never imported here: callers pass it to loadPolicy.
export { loadPolicy, checkPolicy, type LoadOptions } from './compile/load-policy.ts';
export { compilePolicy } from './compile/compile-policy.ts';
export { canonicalJson, canonicalValueJson, policyDigest } from './compile/canonical-json.ts';
export { evaluate, type Backend, type EvaluateOptions } from './evaluate/evaluate.ts';
export { changes, type ChangeInstant, type ChangesOptions, type AnswerChange } from './changes/index.ts';
export { parseCaseSource } from './case/parse-case-source.ts';
export type { DslParser } from './source/dsl-front-end.ts';
export { loadHolidayData, useHolidayData } from './calendar/holiday-data.ts';
export { SlaError, formatDiagnostic, codes, type Diagnostic, type Severity, type Code } from './diagnostics/index.ts';
export type { Answer, DeadlineItem, EntitlementItem, RefundAnswer, CreditItem, Explanation, ConditionTrace, Money } from './answer.ts';
export type { Case, CaseEventInput, CaseValue, Language } from './case/case-input.ts';
export type { Policy } from './ir/schema.ts';
export type { LoadedPolicy, CompiledPolicy, PolicyInput, PolicyFormat, Locator, Position } from './policy-types.ts';
export {
  evaluateMany,
  evaluateEntries,
  type BatchEntry,
  type BatchOptions,
  type BatchResult,
  type EntryResult,
  type AnyIterable,
} from './batch/evaluate-many.ts';
