import type { Diagnostic } from '../diagnostics/index.ts';
import type { LoadedPolicy, PolicyInput } from '../policy-types.ts';

/** Parses, validates and checks a policy; throws SlaError carrying every error found. */
export function loadPolicy(input: PolicyInput): LoadedPolicy {
  throw new Error(`not implemented: ${input.file}`);
}

/** Every diagnostic (errors and warnings) for a policy source; never throws for bad input. */
export function checkPolicy(input: PolicyInput): Diagnostic[] {
  throw new Error(`not implemented: ${input.file}`);
}
