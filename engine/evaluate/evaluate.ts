import type { Answer } from '../answer.ts';
import type { Policy } from '../ir/schema.ts';
import type { CompiledPolicy, LoadedPolicy, Locator } from '../policy-types.ts';

export interface EvaluateOptions {
  /** language of explanations: en (default), uk, fa */
  lang?: string;
  /** the case's file name and source map, so case diagnostics carry file:line:column */
  file?: string;
  locate?: Locator;
}

/** Answers a case (an object as in contract.md) under a policy; throws SlaError for an invalid case. */
export async function evaluate(
  policy: LoadedPolicy | CompiledPolicy | Policy,
  input: unknown,
  options: EvaluateOptions = {},
): Promise<Answer> {
  throw new Error(`not implemented ${String(policy)} ${String(input)} ${String(options)}`);
}
