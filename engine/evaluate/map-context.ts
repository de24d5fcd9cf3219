// What the answer mappers (map-*.ts) read: the evaluation's runtime, the rule outcomes by rule
// name, and where they record explanations and warnings.
import type { Runtime } from '../runtime/runtime.ts';
import type { EvaluatedCondition } from './explain.ts';

export interface RuleOutcome {
  name: string;
  result: boolean;
  conditions: EvaluatedCondition[];
}

/** One more run of some rules: on one subject's view of the case, or as of one event's instant. */
export interface SubjectRun {
  subject: string;
  rt: Runtime;
  outcomes: Map<string, RuleOutcome>;
}

export interface MapContext {
  rt: Runtime;
  outcomes: Map<string, RuleOutcome>;
  /** per subject attribute: each subject's view of the case and its rule outcomes */
  subjectRuns: Map<string, SubjectRun[]>;
  /** per entitlement answered per event (`each`): the run for such an event made now (without
   *  subject), then each event's run, as of its instant */
  eventRuns: Map<string, (Omit<SubjectRun, 'subject'> & { subject?: string })[]>;
  explain: (clause: string, item: string, conditions: EvaluatedCondition[]) => void;
  warnings: string[];
}
