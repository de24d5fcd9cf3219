// Why a condition saw a pending instant: each instant it compared that is pending, named with the
// anchor event that has not happened ("archived is pending, as full_migration_completed has not
// happened"; a duration chosen by plan as the case's plan chose it), for the condition's trace and
// the reasons it gives.
import type { Hidden, Moment } from '../compile/fact-params.ts';
import { describePending } from '../ir/describe.ts';
import type { Instant, Opening } from '../ir/schema.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { EvaluatedCondition } from './explain.ts';

type Params = { expr?: Instant; condition?: { before?: Instant; after?: Instant; started_before?: Instant }; at?: Moment; hide?: Hidden };

/** The instants a compiled condition compares (its own, or in the query it passes to a fact). */
function comparedInstants(c: EvaluatedCondition): Instant[] {
  const p = (c.params ?? {}) as Params;
  if (c.fact === 'sla:instant' && p.expr) return [p.expr];
  const q = p.condition ?? {};
  return [q.before, q.after, q.started_before].filter((i): i is Instant => i !== undefined);
}

/** Why one instant is pending, its duration as the case's plan chose it. */
export function pendingNote(rt: Runtime, i: Instant | Opening): string {
  const chosen = 'add' in i && i.add !== undefined ? { ...i, add: rt.value(i.add) ?? i.add } : i;
  return describePending(chosen, rt.policy.instants);
}

export function pendingNotes(rt: Runtime, c: EvaluatedCondition): string[] {
  if (c.any) return [...new Set(c.any.flatMap((x) => pendingNotes(rt, x)))];
  const p = (c.params ?? {}) as Params;
  return comparedInstants(c)
    .filter((i) => rt.instant(i, p.at, p.hide) === null)
    .map((i) => pendingNote(rt, i));
}

/** A reason text followed by the pending instants that decided it. */
export const withPending = (text: string, notes: string[]): string => (notes.length ? `${text} (${notes.join('; ')})` : text);
