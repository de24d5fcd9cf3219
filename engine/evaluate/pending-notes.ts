// Why a condition saw a pending instant: each instant it compared that is pending, named with the
// anchor event that has not happened ("archived is pending, as full_migration_completed has not
// happened"; a duration chosen by plan as the case's plan chose it), for the condition's trace and
// the reasons it gives.
import { describePending } from '../ir/describe.ts';
import type { Instant, Opening, Policy } from '../ir/schema.ts';
import { isByPlan } from '../ir/plan-value.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { ConditionPlan } from './condition-plan.ts';
import type { EvaluatedCondition, RuleOutcome } from './map-context.ts';

// A note depends on the policy, the instant and the duration the plans chose: worded once.
const notes = new WeakMap<Policy, WeakMap<object, Map<unknown, string>>>();

/** Why one instant is pending, its duration as the case's plan chose it. */
export function pendingNote(rt: Runtime, i: Instant | Opening): string {
  let byInstant = notes.get(rt.policy);
  if (!byInstant) notes.set(rt.policy, (byInstant = new WeakMap()));
  let byDuration = byInstant.get(i);
  if (!byDuration) byInstant.set(i, (byDuration = new Map()));
  const add = 'add' in i && i.add !== undefined ? (rt.value(i.add) ?? i.add) : undefined;
  let note = byDuration.get(add);
  if (note === undefined) byDuration.set(add, (note = describePending(add === undefined ? i : { ...i, add }, rt.policy.instants)));
  return note;
}

const NONE: readonly string[] = Object.freeze([]);

/** The note of the instant at `k` of a plan's compared ones, in a list of one: kept on the plan for
 *  its policy, but for a duration chosen by plan (the note words it as the case's plan chose it).
 *  The kept list is shared, so never changed, yet not frozen: a trace copies it, and V8 copies a
 *  frozen array the slow way. */
function comparedNote(plan: ConditionPlan, k: number, rt: Runtime): readonly string[] {
  let kept = plan.notes;
  if (kept?.policy !== rt.policy) plan.notes = kept = { policy: rt.policy, lists: new Array(plan.compared.length) };
  const list = kept.lists[k];
  if (list) return list;
  const i = plan.compared[k];
  const made = [pendingNote(rt, i)];
  if (list === undefined) kept.lists[k] = 'add' in i && isByPlan(i.add) ? null : made;
  return made;
}

/** The notes of the pending instants a condition compared (none for most conditions: no list is
 *  made; a list of one may be the plan's: a list returned is never changed). */
export function pendingNotes(plan: ConditionPlan, c: EvaluatedCondition, rt: Runtime): readonly string[] {
  if (plan.compared.length === 0 && !plan.any) return NONE;
  // an instant the condition read itself is pending when the value it saw is null
  if (plan.readsOwn && c.result !== undefined) return c.factResult === null ? comparedNote(plan, 0, rt) : NONE;
  let out: string[] | undefined;
  if (plan.any) {
    const alternatives = c.any!;
    for (let i = 0; i < alternatives.length; i++)
      for (const note of pendingNotes(plan.any[i], alternatives[i], rt)) if (!out?.includes(note)) (out ??= []).push(note);
    return out ?? NONE;
  }
  const compared = plan.compared;
  for (let k = 0; k < compared.length; k++) if (rt.instant(compared[k], plan.at, plan.hide) === null) (out ??= []).push(comparedNote(plan, k, rt)[0]);
  return out ?? NONE;
}

/** The same for the condition at `i` of an outcome. A condition's trace and the reasons quoting it
 *  ask for its notes alike: the runtime is asked once. (The list is kept, so never changed: a trace
 *  copies it into the answer.) */
export function conditionNotes(o: RuleOutcome, i: number, rt: Runtime): readonly string[] {
  const plan = o.plan.conditions[i];
  if (plan.compared.length === 0 && !plan.any) return NONE;
  if (plan.readsOwn && o.conditions[i].result !== undefined) return pendingNotes(plan, o.conditions[i], rt);
  if (o.notesOf !== rt) {
    o.notes = new Array<readonly string[] | undefined>(o.conditions.length);
    o.notesOf = rt;
  }
  return (o.notes![i] ??= pendingNotes(plan, o.conditions[i], rt));
}

/** A reason text followed by the pending instants that decided it. */
export const withPending = (text: string, notes: readonly string[]): string => (notes.length ? `${text} (${notes.join('; ')})` : text);
