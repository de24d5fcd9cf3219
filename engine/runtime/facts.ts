// The parameterised dynamic facts the compiled rules ask for. Each reads the evaluation's Runtime,
// which the caller passes as the run-time fact `sla:runtime`. A fact is written as a binder: its
// params are read once (when the compiled backend builds a condition's closure), then the bound
// reader is asked per runtime; json-rules-engine and the direct evaluator bind per call.
import type { Runtime } from './runtime.ts';
import { evaluateAmount } from './amount.ts';
import type { Amount, PlanValue } from '../ir/schema.ts';

export const RUNTIME_FACT = 'sla:runtime';

// Params come from the compiled JSON rules; their shapes are fixed by compile/compile-condition.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = any;
export type FactFn = (params: Params, rt: Runtime) => unknown;
type Reader = (rt: Runtime) => unknown;
type Binder = (params: Params) => Reader;

const binders: Record<string, Binder> = {
  'sla:now': (p) => {
    const at = p?.at;
    return (rt) => rt.now(at);
  },
  'sla:plan': (p) => {
    const dimension = p.dimension;
    return (rt) => rt.plan(dimension);
  },
  'sla:instant': (p) => {
    const { expr, at, hide } = p;
    return (rt) => rt.instant(expr, at, hide);
  },
  'sla:exists': (p) => {
    const { condition, at, hide } = p;
    return (rt) => rt.exists(condition, at, hide);
  },
  'sla:used': (p) => {
    const { used, at } = p;
    return (rt) => rt.used(used, at);
  },
  'sla:limit': (p) => {
    const { limit, at } = p;
    return (rt) => rt.limit(limit, at);
  },
  'sla:ledger_remaining': (p) => {
    const entitlement = p.entitlement;
    return (rt) => rt.ledger(entitlement)?.balance.remaining ?? 0;
  },
  'sla:deadlines': (p) => {
    const { deadline, at } = p;
    return (rt) => rt.deadlines(deadline, at);
  },
  'sla:deadline_statuses': (p) => {
    const { condition, at, hide } = p;
    return (rt) => rt.deadlineStatuses(condition, at, hide);
  },
  'sla:counter': (p) => {
    const { counter, at } = p;
    return (rt) => rt.counterMax(counter, at).max;
  },
  'sla:credits': (p) => {
    const credit = p.credit;
    return (rt) => {
      const spec = rt.policy.credits?.find((c) => c.id === credit);
      return spec ? rt.credits(spec).filter((c) => c.amount > 0) : [];
    };
  },
  'sla:open': (p) => {
    const { calendar, at } = p;
    return (rt) => rt.open(calendar, at);
  },
  'sla:paused_since': (p) => {
    const { pause, at } = p;
    const { start, stop } = pause;
    return (rt) => rt.pausedSince(start, stop, at);
  },
  'sla:allowed': (p) => {
    const entitlement = p.entitlement;
    return (rt) => rt.allowed(entitlement);
  },
  /** an amount expression for the chosen plans: its money amount, null when unknown */
  'sla:amount': (p) => {
    const amount = p.amount as PlanValue<Amount>;
    return (rt) => {
      const a = rt.value<Amount>(amount);
      return a === undefined ? null : evaluateAmount(a, rt).amount;
    };
  },
};

/** The facts as json-rules-engine calls them: params and runtime on every call. */
export const runtimeFacts: Record<string, FactFn> = Object.fromEntries(
  Object.entries(binders).map(([k, bind]) => [k, (p: Params, rt: Runtime) => bind(p)(rt)]),
);

const byName = new Map(Object.entries(binders));
/** A case fact; null when the case does not give it. */
const caseFact = (rt: Runtime, fact: string): unknown => (Object.hasOwn(rt.kase.facts, fact) ? rt.kase.facts[fact] : null);

/** Reads a fact of a compiled condition — a runtime fact above, else a case fact — resolved once,
 *  read per runtime. Params a binder cannot read (JSON edited by hand) fail as they would per call. */
export function factReader(fact: string, params: unknown): Reader {
  const bind = byName.get(fact);
  if (!bind) return (rt) => caseFact(rt, fact);
  try {
    return bind(params);
  } catch {
    return (rt) => bind(params)(rt);
  }
}

/** The same, read once. */
export function readFact(rt: Runtime, fact: string, params: unknown): unknown {
  const bind = byName.get(fact);
  return bind ? bind(params)(rt) : caseFact(rt, fact);
}
