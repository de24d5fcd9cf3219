// The one place the server turns policy source text into a compiled policy and its digest, and
// checks a source without compiling it (YAML, and the DSL through its front end).
import { parseDsl } from '../dsl/index.ts';
import { checkPolicy, compilePolicy, loadPolicy, policyDigest, type CompiledPolicy, type Diagnostic, type PolicyInput } from '../engine/index.ts';

export interface CompiledEntry {
  compiled: CompiledPolicy;
  /** sha-256 of the canonical compiled JSON: names the rules an answer came from */
  digest: string;
}

const options = { parseDsl };

/** Loads, checks and compiles; throws SlaError with the source's diagnostics. */
export async function compileSource(input: PolicyInput): Promise<CompiledEntry> {
  const compiled = compilePolicy(loadPolicy(input, options));
  return { compiled, digest: await policyDigest(compiled) };
}

export const checkSource = (input: PolicyInput): Diagnostic[] => checkPolicy(input, options);
