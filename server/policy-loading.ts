// The one place the server turns policy source text into a compiled policy and its digest, and
// checks a source without compiling it.
import { checkPolicy, compilePolicy, loadPolicy, policyDigest, type CompiledPolicy, type Diagnostic } from '../engine/index.ts';
import type { PolicyInput } from '../engine/policy-types.ts';

export interface CompiledEntry {
  compiled: CompiledPolicy;
  /** sha-256 of the canonical compiled JSON: names the rules an answer came from */
  digest: string;
}

/** Loads, checks and compiles; throws SlaError with the source's diagnostics. */
export async function compileSource(input: PolicyInput): Promise<CompiledEntry> {
  const compiled = compilePolicy(loadPolicy(input));
  return { compiled, digest: await policyDigest(compiled) };
}

export const checkSource = (input: PolicyInput): Diagnostic[] => checkPolicy(input);
