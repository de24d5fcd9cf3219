// The shapes of a test file (contract.md, "Test files"), once validated.
import type { Diagnostic } from '../diagnostics/index.ts';

/** A listed answer item: `id` plus any fields that must match. */
export type ExpectedItem = { id: string } & Record<string, unknown>;

export interface Expectation {
  deadlines?: ExpectedItem[];
  entitlements?: ExpectedItem[];
  amounts?: ExpectedItem[];
  /** `null`: the policy must have no refund terms */
  refund?: Record<string, unknown> | null;
  credits?: ExpectedItem[];
}

export const LIST_KINDS = ['deadlines', 'entitlements', 'amounts', 'credits'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export interface TestCase {
  name: string;
  /** JSON pointer of the case entry in the test file, e.g. /cases/2 */
  pointer: string;
  /** the policy id the case runs under (the case's own `policy:` wins over the file's) */
  policy?: string;
  case: unknown;
  expect: Expectation;
  /** problems with this entry; a case with errors fails without being evaluated */
  diagnostics: Diagnostic[];
}

export interface TestDocument {
  policy?: string;
  cases: TestCase[];
  /** problems with the file as a whole; with errors here no case runs */
  diagnostics: Diagnostic[];
}
