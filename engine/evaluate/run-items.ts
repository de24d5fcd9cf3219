// The items of an entitlement answered per subject or per event, made right after each run (see
// RunItems in map-context.ts): the traces of their conditions are kept beside them.
import type { ConditionTrace, EntitlementItem } from '../answer.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { EntitlementPlan } from './answer-plan.ts';
import { addTraces } from './explain.ts';
import type { Outcomes, RuleOutcome, RunItems, Sink } from './map-context.ts';
import { entitlementItem } from './map-entitlements.ts';

export class ItemsOfRuns implements RunItems, Sink {
  readonly items: EntitlementItem[] = [];
  readonly traces: ConditionTrace[] = [];
  readonly warnings: string[] = [];
  readonly traced: boolean;
  /** `zone`: the zone traces write instants in; undefined when the answer has no traces */
  constructor(
    readonly e: EntitlementPlan,
    private readonly zone: string | undefined,
  ) {
    this.traced = zone !== undefined;
  }

  /** The item of one run (on a subject's view of the case, or an event's), named by `subject`. */
  add(rt: Runtime, outcomes: Outcomes, subject: string | undefined): void {
    this.items.push(entitlementItem(this.e, rt, outcomes, this, subject));
  }

  explain(_clause: string, o: RuleOutcome, item?: string, rt?: Runtime): void {
    if (this.zone !== undefined) addTraces(this.traces, o, item, rt!, this.zone);
  }
}
