// A Runtime wired to the plain condition evaluator, which decides conditions that depend on
// another entitlement (`{ entitlement: … }`).
import type { BusinessCalendar } from '../calendar/index.ts';
import type { NormalizedCase } from '../case/case-model.ts';
import type { Policy } from '../ir/schema.ts';
import type { RuleProperties } from 'json-rules-engine';
import { evaluateCondition } from './direct.ts';
import { Runtime } from './runtime.ts';

export function createRuntime(policy: Policy, calendars: Map<string, BusinessCalendar>, kase: NormalizedCase, rules: readonly RuleProperties[]): Runtime {
  return new Runtime(policy, calendars, kase, rules, evaluateCondition);
}
