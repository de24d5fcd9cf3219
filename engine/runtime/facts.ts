// The parameterised dynamic facts the compiled rules ask for. Each reads the evaluation's Runtime,
// which the caller passes as the run-time fact `sla:runtime`.
import type { Runtime } from './runtime.ts';
import { evaluateAmount } from './amount.ts';
import type { Amount, PlanValue } from '../ir/schema.ts';

export const RUNTIME_FACT = 'sla:runtime';

// Params come from the compiled JSON rules; their shapes are fixed by compile/compile-condition.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = any;
export type FactFn = (params: Params, rt: Runtime) => unknown;

export const runtimeFacts: Record<string, FactFn> = {
  'sla:now': (p, rt) => rt.now(p?.at),
  'sla:plan': (p, rt) => rt.plan(p.dimension),
  'sla:instant': (p, rt) => rt.instant(p.expr, p.at, p.hide),
  'sla:exists': (p, rt) => rt.exists(p.condition, p.at, p.hide),
  'sla:used': (p, rt) => rt.used(p.used, p.at),
  'sla:limit': (p, rt) => rt.limit(p.limit, p.at),
  'sla:ledger_remaining': (p, rt) => rt.ledger(p.entitlement)?.balance.remaining ?? 0,
  'sla:deadlines': (p, rt) => rt.deadlines(p.deadline, p.at),
  'sla:deadline_statuses': (p, rt) => rt.deadlineStatuses(p.condition, p.at, p.hide),
  'sla:counter': (p, rt) => rt.counterMax(p.counter, p.at).max,
  'sla:credits': (p, rt) => {
    const spec = rt.policy.credits?.find((c) => c.id === p.credit);
    return spec ? rt.credits(spec).filter((c) => c.amount > 0) : [];
  },
  'sla:open': (p, rt) => rt.open(p.calendar, p.at),
  'sla:paused_since': (p, rt) => rt.pausedSince(p.pause.start, p.pause.stop, p.at),
  'sla:allowed': (p, rt) => rt.allowed(p.entitlement),
  /** an amount expression for the chosen plans: its money amount, null when unknown */
  'sla:amount': (p, rt) => {
    const a = rt.value<Amount>(p.amount as PlanValue<Amount>);
    return a === undefined ? null : evaluateAmount(a, rt).amount;
  },
};

const byName = new Map(Object.entries(runtimeFacts));
const runtimeFact = (fact: string): FactFn | undefined => byName.get(fact);
/** A case fact; null when the case does not give it. */
const caseFact = (rt: Runtime, fact: string): unknown => (Object.hasOwn(rt.kase.facts, fact) ? rt.kase.facts[fact] : null);

/** Reads a fact of a compiled condition — a runtime fact above, else a case fact — resolved once,
 *  read per runtime. */
export function factReader(fact: string, params: unknown): (rt: Runtime) => unknown {
  const fn = runtimeFact(fact);
  return fn ? (rt) => fn(params, rt) : (rt) => caseFact(rt, fact);
}

/** The same, read once. */
export function readFact(rt: Runtime, fact: string, params: unknown): unknown {
  const fn = runtimeFact(fact);
  return fn ? fn(params, rt) : caseFact(rt, fact);
}
