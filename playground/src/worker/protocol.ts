// Messages between the page and the engine worker.
import type { Answer, Diagnostic, Policy, Position } from '../../../engine/core.ts';
import type { ChangeInstant } from '../../../engine/changes/index.ts';
import type { AnswerChange, Coverage } from '../../../engine/analysis/index.ts';

export type PolicyFormat = 'yaml' | 'dsl';

export interface PolicyText {
  source: string;
  format: PolicyFormat;
}

export type Request =
  /** the full check of a policy and, when a case is given and the policy compiles, its answer */
  | { kind: 'run'; policy: PolicyText; case?: string; at?: string; lang: string }
  /** the DSL text in its canonical layout (comments kept) */
  | { kind: 'format'; source: string }
  /** the same policy in the other form */
  | { kind: 'convert'; policy: PolicyText; to: PolicyFormat }
  /** the policy's test file, run as `sla test` runs it */
  | { kind: 'tests'; policy: PolicyText; tests: string }
  /** the case under each option of one plan dimension */
  | { kind: 'compare'; policy: PolicyText; case: string; dimension: string; lang: string }
  /** the case under another version of the policy (`other`) beside the edited one */
  | { kind: 'versions'; policy: PolicyText; other: PolicyText; case: string; lang: string }
  /** the policy's default calendar over a window: working hours and holidays, for the timeline */
  | { kind: 'calendar'; policy: PolicyText; from: number; until: number }
  /** the next instants in (from, until] at which the case's answer changes */
  | { kind: 'changes'; policy: PolicyText; case: string; from: string; until: string; limit: number }
  /** where a rule (`deadline:<id>`, `entitlement:<id>`, `credit:<id>`, `refund`) is written in the policy */
  | { kind: 'locate'; policy: PolicyText; rule: string };

/** What the case editor's form offers: the policy's plan dimensions, facts and event types. */
export type Declarations = Pick<Policy, 'plans' | 'facts' | 'events' | 'zone' | 'clauses'>;

/** Where a rule is written in the policy's source; none when the policy does not check or has no such rule. */
export interface LocateResult {
  at?: Position;
}

/** A stretch of the case's time drawn on the timeline: an outage, or a pause of an entitlement's clock. */
export interface CaseInterval {
  kind: 'outage' | 'pause';
  /** the outage's event type, or `<entitlement> paused` */
  label: string;
  /** epoch ms; `until` null while it is still going on */
  from: number;
  until: number | null;
  /** how long a pause may last (the entitlement's `pause.max`) */
  max?: string;
}

export interface RunResult {
  /** the check's diagnostics, then the lint warnings of a policy that checks */
  policy: Diagnostic[];
  declarations?: Declarations;
  case: Diagnostic[];
  answer: Answer | null;
  /** the case's outages and pauses (when it has an answer) */
  intervals?: CaseInterval[];
}

export interface ConvertResult {
  source?: string;
  diagnostics: Diagnostic[];
}

export interface FormatResult {
  text?: string;
  diagnostics: Diagnostic[];
}

export interface ChangesResult {
  changes: ChangeInstant[];
}

export interface TestOutcome {
  name: string;
  passed: boolean;
  /** expected vs actual, as `sla test` prints them */
  mismatches: string[][];
  diagnostics: Diagnostic[];
  error?: string;
}

/** how a line of the policy was exercised by the tests: both ways, one way only, never */
export type CoverageShade = 'both' | 'one' | 'never';

export interface TestsCoverage {
  /** [line, shade] for the policy's lines that hold a clause, an item or a condition */
  lines: [number, CoverageShade][];
  totals: Coverage['totals'];
}

export interface TestsResult {
  outcomes: TestOutcome[];
  /** what the cases exercised of the policy (when the policy checks and the file runs) */
  coverage?: TestsCoverage;
  /** problems with the test file as a whole, or with the policy */
  diagnostics: Diagnostic[];
}

export interface CompareResult {
  /** the answer under each option, or why there is none */
  options: { option: string; answer?: Answer; diagnostics: Diagnostic[] }[];
}

export interface VersionsResult {
  /** the answer under each version (edited, other), or why there is none */
  versions: { answer?: Answer; diagnostics: Diagnostic[] }[];
  /** what changed from the other version to the edited one, in the policy's terms (when both load) */
  policyChanges?: string[];
  /** how the case's answer changed from the other version to the edited one (when both answer) */
  answerChanges?: AnswerChange[];
}

export interface CalendarResult {
  calendar?: string;
  /** working intervals [from, until) in epoch ms */
  open: [number, number][];
  holidays: { date: string; name: string }[];
}

export type Response =
  | {
      id: number;
      result: RunResult | LocateResult | ConvertResult | ChangesResult | TestsResult | CompareResult | FormatResult | VersionsResult | CalendarResult;
    }
  | { id: number; failure: string };
