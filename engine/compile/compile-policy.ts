import type { Policy } from '../ir/schema.ts';
import type { CompiledPolicy, LoadedPolicy } from '../policy-types.ts';

/** IR → plain JSON json-rules-engine rules plus what the runtime needs beside them. */
export function compilePolicy(policy: LoadedPolicy | Policy): CompiledPolicy {
  throw new Error(`not implemented ${String(policy)}`);
}
