// The engine without its two heavy optional parts, the DSL front end and the country holiday data,
// which load on demand (see index.ts for the entry that has both ready).
export { loadPolicy, checkPolicy } from './source/load-policy.ts';
export { compilePolicy } from './compile/compile-policy.ts';
export { canonicalJson, canonicalValueJson, policyDigest } from './compile/canonical-json.ts';
export { evaluate, type EvaluateOptions } from './evaluate/evaluate.ts';
export { parseCaseSource } from './case/parse-case-source.ts';
export { loadDslFrontEnd, useDslFrontEnd } from './source/dsl-front-end.ts';
export { loadHolidayData, useHolidayData } from './calendar/holiday-data.ts';
export { SlaError, formatDiagnostic, type Diagnostic } from './diagnostics/index.ts';
export type { Answer } from './answer.ts';
export type { Policy } from './ir/schema.ts';
export type { LoadedPolicy, CompiledPolicy, PolicyInput, Locator, Position } from './policy-types.ts';
