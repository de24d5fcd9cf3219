// The engine without the country holiday data, which loads on demand (see index.ts for the entry
// that has it ready). The DSL front end is never imported here: callers pass it to loadPolicy.
export { loadPolicy, checkPolicy, type LoadOptions } from './compile/load-policy.ts';
export { compilePolicy } from './compile/compile-policy.ts';
export { canonicalJson, canonicalValueJson, policyDigest } from './compile/canonical-json.ts';
export { evaluate, type EvaluateOptions } from './evaluate/evaluate.ts';
export { parseCaseSource } from './case/parse-case-source.ts';
export type { DslParser } from './source/dsl-front-end.ts';
export { loadHolidayData, useHolidayData } from './calendar/holiday-data.ts';
export { SlaError, formatDiagnostic, type Diagnostic } from './diagnostics/index.ts';
export type { Answer } from './answer.ts';
export type { Policy } from './ir/schema.ts';
export type { LoadedPolicy, CompiledPolicy, PolicyInput, Locator, Position } from './policy-types.ts';
