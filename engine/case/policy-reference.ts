// A case or a test file names its policy by id; the id is looked up where the caller keeps its
// policies. It is never a path: a case must not make its reader open any file it likes.
import { POLICY_ID_PATTERN } from '../ir/schema.ts';
import { quoteValue } from '../diagnostics/quote-value.ts';

const POLICY_ID = new RegExp(POLICY_ID_PATTERN);

export const isPolicyId = (v: unknown): v is string => typeof v === 'string' && v.length <= 100 && POLICY_ID.test(v);

/** Why `v` cannot name a policy, or undefined when it can. */
export function policyReferenceProblem(v: unknown): string | undefined {
  if (isPolicyId(v)) return undefined;
  return `${quoteValue(v)} is not a policy id: \`policy\` names a policy by its id (lower-case letters, digits, - and _), never a file`;
}
