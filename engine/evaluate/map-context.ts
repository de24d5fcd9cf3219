// What the answer mappers (map-*.ts) read: the evaluation's runtime, the rule outcomes by rule
// name, and where they record explanations and warnings.
import type { Runtime } from '../runtime/runtime.ts';
import type { EvaluatedCondition } from './explain.ts';

export interface RuleOutcome {
  name: string;
  result: boolean;
  conditions: EvaluatedCondition[];
}

export interface MapContext {
  rt: Runtime;
  outcomes: Map<string, RuleOutcome>;
  /** per subject attribute: each subject's view of the case and its rule outcomes */
  subjectRuns: Map<string, { subject: string; rt: Runtime; outcomes: Map<string, RuleOutcome> }[]>;
  /** records the conditions that decided an item; `rt` is the run they came from (default: the whole case's) */
  explain: (clause: string, item: string, conditions: EvaluatedCondition[], rt?: Runtime) => void;
  warnings: string[];
}
