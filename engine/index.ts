// The public API of the engine: platform-neutral (no node: imports), so the browser runs it too.
export { loadPolicy, checkPolicy } from './source/load-policy.ts';
export { compilePolicy } from './compile/compile-policy.ts';
export { evaluate, type EvaluateOptions } from './evaluate/evaluate.ts';
export { parseCaseSource } from './case/parse-case-source.ts';
export { SlaError, formatDiagnostic, type Diagnostic } from './diagnostics/index.ts';
export type { Answer } from './answer.ts';
export type { Policy } from './ir/schema.ts';
export type { LoadedPolicy, CompiledPolicy, PolicyInput, Locator, Position } from './policy-types.ts';
