// What the answer mappers (map-*.ts) read: the evaluation's runtime, the rule outcomes by rule
// position, the policy's answer plan, and where they record explanations and warnings.
import type { ConditionTrace, EntitlementItem } from '../answer.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { AnswerPlan, RulePlan } from './answer-plan.ts';

/** A condition as either backend leaves it: its JSON properties with the results of the run —
 *  whether it held (undefined: the run did not reach it), the value of its fact, the value it was
 *  compared with, and the alternatives of an `any`. */
export interface EvaluatedCondition {
  readonly factResult?: unknown;
  readonly valueResult?: unknown;
  readonly result?: boolean;
  /** the alternatives of an `any` condition */
  readonly any?: readonly EvaluatedCondition[];
}

export interface RuleOutcome {
  result: boolean;
  /** the rule's top-level `all` conditions as the backend left them, position for position with
   *  `plan.conditions` (read as they are: no copy is made of them) */
  conditions: readonly EvaluatedCondition[];
  plan: RulePlan;
  /** per condition, its pending notes once asked (evaluate/pending-notes.ts), and of which run */
  notes: (readonly string[] | undefined)[] | undefined;
  notesOf: Runtime | undefined;
}

/** Whether the case's plans give the item of an outcome: every `plan` condition of its rule holds. */
export function inPlan(o: RuleOutcome): boolean {
  const at = o.plan.planAt;
  for (let k = 0; k < at.length; k++) if (o.conditions[at[k]].result !== true) return false;
  return true;
}

/** A run's outcomes, by the rule's position among the compiled rules (none for a rule not run). */
export type Outcomes = readonly (RuleOutcome | undefined)[];

/** Where the conditions that decided an item are recorded, and the warnings its mapping gives. */
export interface Sink {
  /** records the conditions that decided an item; `item` is its label when not the rule's own item's
   *  (an item per subject), `rt` the run they came from (default: the whole case's) */
  explain: (clause: string, outcome: RuleOutcome, item?: string, rt?: Runtime) => void;
  /** whether `explain` records conditions (an item's label is only made for them) */
  readonly traced: boolean;
  warnings: string[];
}

/** The items of an entitlement answered once per subject (or per event), mapped right after each
 *  run, so that a run is dropped as soon as its items are made: their traces and warnings wait
 *  until the entitlement's turn in the answer comes (evaluate/run-items.ts). */
export interface RunItems {
  readonly items: EntitlementItem[];
  readonly traces: ConditionTrace[];
  readonly warnings: string[];
}

export interface MapContext extends Sink {
  rt: Runtime;
  plan: AnswerPlan;
  outcomes: Outcomes;
  /** per entitlement answered per subject or per event (by id): its items, one per run */
  runItems: Map<string, RunItems>;
  /** records a clause as cited, with `more` traces (a list no longer used elsewhere: the first
   *  becomes the clause's own); none: `explain: 'none'` */
  cite: (clause: string, more?: ConditionTrace[]) => ConditionTrace[] | undefined;
}
