// The DSL front end's shape, as the engine expects it. The engine never imports the DSL: a caller
// that reads `.sla` sources passes `parseDsl` (from `sla-policy-engine/dsl`) in the load options,
// so programs that never meet a .sla file never load chevrotain.
import type { Diagnostic } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import type { Locator } from '../policy-types.ts';

export type DslParser = (source: string, options: { file?: string; recover?: boolean }) => { policy?: Policy; diagnostics: Diagnostic[]; locate: Locator };
