// Messages between the page and the engine worker.
import type { Answer, Diagnostic, Policy } from '../../../engine/core.ts';

export type PolicyFormat = 'yaml' | 'dsl';

export interface PolicyText {
  source: string;
  format: PolicyFormat;
}

export type Request =
  /** the full check of a policy and, when a case is given and the policy compiles, its answer */
  | { kind: 'run'; policy: PolicyText; case?: string; at?: string; lang: string }
  /** the same policy in the other form */
  | { kind: 'convert'; policy: PolicyText; to: PolicyFormat };

/** What the case editor's form offers: the policy's plan dimensions, facts and event types. */
export type Declarations = Pick<Policy, 'plans' | 'facts' | 'events'>;

export interface RunResult {
  policy: Diagnostic[];
  declarations?: Declarations;
  case: Diagnostic[];
  answer: Answer | null;
}

export interface ConvertResult {
  source?: string;
  diagnostics: Diagnostic[];
}

export type Response = { id: number; result: RunResult | ConvertResult } | { id: number; failure: string };
