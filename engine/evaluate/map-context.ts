// What the answer mappers (map-*.ts) read: the evaluation's runtime, the rule outcomes by rule
// position, the policy's answer plan, and where they record explanations and warnings.
import type { Runtime } from '../runtime/runtime.ts';
import type { AnswerPlan, RulePlan } from './answer-plan.ts';
import type { Seen } from './explain.ts';

export interface RuleOutcome {
  result: boolean;
  /** the rule's top-level `all` conditions as evaluated, position for position with `plan.conditions` */
  conditions: Seen[];
  plan: RulePlan;
}

/** Whether the case's plans give the item of an outcome: every `plan` condition of its rule holds. */
export function inPlan(o: RuleOutcome): boolean {
  for (const i of o.plan.planAt) if (o.conditions[i].result !== true) return false;
  return true;
}

/** A run's outcomes, by the rule's position among the compiled rules (none for a rule not run). */
export type Outcomes = readonly (RuleOutcome | undefined)[];

/** One more run of some rules: on one subject's view of the case, or as of one event's instant. */
export interface SubjectRun {
  subject: string;
  rt: Runtime;
  outcomes: Outcomes;
}

export interface MapContext {
  rt: Runtime;
  plan: AnswerPlan;
  outcomes: Outcomes;
  /** per subject attribute: each subject's view of the case and its rule outcomes */
  subjectRuns: Map<string, SubjectRun[]>;
  /** per entitlement answered per event (`each`): the run for such an event made now (without
   *  subject), then each event's run, as of its instant */
  eventRuns: Map<string, (Omit<SubjectRun, 'subject'> & { subject?: string })[]>;
  /** records the conditions that decided an item; `item` is its label when not the rule's own item's
   *  (an item per subject), `rt` the run they came from (default: the whole case's) */
  explain: (clause: string, outcome: RuleOutcome, item?: string, rt?: Runtime) => void;
  warnings: string[];
}
