// IR conditions → json-rules-engine conditions over the runtime's facts (see runtime/facts.ts).
import type { ConditionProperties } from 'json-rules-engine';
import { COMPARISONS, comparisonsIn, COUNTER_COMPARISONS } from '../ir/operators.ts';
import type { Condition, Instant } from '../ir/schema.ts';
import type { Hidden, Moment } from './fact-params.ts';
import { describeCondition } from '../ir/describe.ts';

export interface ConditionContext {
  /** "now" for this condition: the case's `at` (default) or the refund request */
  at?: Moment;
  /** events hidden by refund exclusions */
  hide?: Hidden;
}

/** The extra properties we keep on each compiled condition (json-rules-engine keeps them too). */
export interface Labelled {
  name: string;
  /** what the condition checks, for explanations */
  description: string;
  /** the policy author's reason text, if given */
  reason?: string;
}

export type CompiledCondition = (ConditionProperties | { any: CompiledCondition[] }) & Labelled;

/** "now is before the instant": a pending instant lies in the future, unless the comparison needs it known. */
export const beforeOperator = (i: Instant) => (i.known ? 'instantAfter' : 'instantAfterOrPending');

export function compileCondition(c: Condition, ctx: ConditionContext, name: string): CompiledCondition {
  const at = ctx.at === 'request' ? { at: 'request' as const } : {};
  const hide = ctx.hide?.length ? { hide: ctx.hide } : {};
  const label = { name, description: describeCondition(c), ...(c.reason ? { reason: c.reason } : {}) };
  if ('fact' in c) {
    const op = comparisonsIn(c, COMPARISONS)[0];
    return { fact: c.fact, operator: op.engine, value: c[op.key] as ConditionProperties['value'], ...label };
  }
  if ('plan' in c) return { fact: 'sla:plan', params: { dimension: c.plan }, operator: 'in', value: c.in, ...label };
  if ('event' in c) {
    const { exists, reason: _r, ...query } = c;
    return { fact: 'sla:exists', params: { condition: query, ...at, ...hide }, operator: 'equal', value: exists ?? true, ...label };
  }
  if ('now_before' in c)
    return {
      fact: 'sla:instant',
      params: { expr: c.now_before, ...at, ...hide },
      operator: beforeOperator(c.now_before),
      value: { fact: 'sla:now', params: at },
      ...label,
    };
  if ('deadline' in c) {
    const { status, reason: _r, ...query } = c;
    return { fact: 'sla:deadline_statuses', params: { condition: query, ...at, ...hide }, operator: 'contains', value: status, ...label };
  }
  if ('counter' in c) {
    const op = comparisonsIn(c, COUNTER_COMPARISONS)[0] ?? COUNTER_COMPARISONS[1];
    return { fact: 'sla:counter', params: { counter: c.counter, ...at }, operator: op.engine, value: c[op.key] ?? 0, ...label };
  }
  if ('entitlement' in c) return { fact: 'sla:allowed', params: { entitlement: c.entitlement }, operator: 'equal', value: c.allowed, ...label };
  if ('any' in c) return { any: c.any.map((x, i) => compileCondition(x, ctx, `${name}/any/${i}`)), ...label };
  return { fact: 'sla:open', params: { calendar: c.open, ...at }, operator: 'equal', value: true, ...label };
}
