import type { PlanValue } from '../ir/schema.ts';

export const isByPlan = <T>(v: PlanValue<T> | undefined): v is { by: string; values: Record<string, T> } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'by' in v && 'values' in v;

/** The value for the chosen plans; undefined when the option has none. */
export function planValue<T>(v: PlanValue<T>, plans: Record<string, string>): T | undefined {
  if (!isByPlan(v)) return v;
  const option = plans[v.by];
  return Object.hasOwn(v.values, option) ? v.values[option] : undefined;
}
