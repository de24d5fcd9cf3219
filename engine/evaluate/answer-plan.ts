// What mapping rule outcomes to an Answer needs of a policy, worked out once when the policy is
// prepared: each rule's position among the compiled rules and the plans of its conditions, each
// answer item's rules, and — when the rules are the ones this compiler makes of the policy's IR —
// which conditions already read the values an entitlement item shows (its limit, its use, its
// window and pause), so the item takes them from the run instead of asking the runtime again.
import { canonicalValueJson } from '../compile/canonical-json.ts';
import { compiledHere } from '../compile/compile-policy.ts';
import { emitRules } from '../compile/emit-rules.ts';
import { ruleName } from '../compile/rule-name.ts';
import { describeEvent } from '../ir/describe.ts';
import { openingInstant } from '../ir/opening.ts';
import type { Cost, Entitlement, Instant, InstantDef, Limit, Opening, PlanValue, Used } from '../ir/schema.ts';
import type { CompiledPolicy } from '../policy-types.ts';
import { conditionPlans, type ConditionPlan } from './condition-plan.ts';

export interface RulePlan {
  /** the label of the rule's own item in explanations */
  label: string;
  conditions: ConditionPlan[];
  /** per condition, its trace's `check` for the rule's own item (an item per subject words its own) */
  checks: string[];
  /** the positions of its conditions on the case's plans (`name: plan`) */
  planAt: number[];
}

export function rulePlan(conditions: unknown, label: string): RulePlan {
  const plans = conditionPlans(conditions);
  const planAt: number[] = [];
  plans.forEach((c, i) => c.name === 'plan' && planAt.push(i));
  return { label, conditions: plans, checks: plans.map((c) => `${label}: ${c.text}`), planAt };
}

/** An entitlement, the properties its items read copied out of the IR (whose objects differ in shape). */
export interface EntitlementPlan {
  e: Entitlement;
  id: string;
  clause: string;
  subject: string | undefined;
  /** answered per event of a type (never with `subject`) */
  each: Entitlement['each'];
  cost: PlanValue<Cost> | undefined;
  limit: Limit | undefined;
  used: Used | undefined;
  ledger: boolean;
  excess: boolean;
  opens: Opening | undefined;
  /** where the window opens, as an instant (one object, so the runtime's memo of it holds) */
  opening: InstantDef | undefined;
  until: Instant | undefined;
  pause: Entitlement['pause'];
  /** the event that closes its window, in words */
  closedBy: string | undefined;
  rule: number;
  /** each named field: its rule, and what its label adds to the item's */
  fields: { name: string; rule: number; suffix: string }[];
  /** positions in its rule's conditions of those whose values are the item's: the limit condition
   *  (the use it saw, the limit it compared with), the window's opening and end, the pause; −1
   *  where there is none or the rules are not this compiler's (then the runtime is asked) */
  limitAt: number;
  opensAt: number;
  untilAt: number;
  pauseAt: number;
}

export interface AnswerPlan {
  /** a rule's position among the compiled rules, by its name (the last of a repeated name) */
  index: Map<string, number>;
  rules: RulePlan[];
  /** some rule name is given to several rules (JSON edited by hand): an outcome's plan is made from
   *  the outcome itself, as its position says only which of them came last */
  repeated: boolean;
  /** per item of the policy's lists, in order: the position of its rule, −1 for none */
  deadlines: number[];
  amounts: number[];
  credits: number[];
  refund: { rule: number; exclusions: number[] }[];
  entitlements: EntitlementPlan[];
}

/** Whether the rules are exactly those this compiler emits for the IR (JSON edited by hand may not be). */
function ownRules(compiled: CompiledPolicy): boolean {
  if (compiledHere(compiled)) return true;
  try {
    return canonicalValueJson(emitRules(compiled.policy)) === canonicalValueJson(compiled.rules);
  } catch {
    return false;
  }
}

export function answerPlan(compiled: CompiledPolicy): AnswerPlan {
  const p = compiled.policy;
  const index = new Map<string, number>();
  compiled.rules.forEach((r, i) => index.set(String(r.name), i));
  // each rule's checks are worded with the label of its item (the rule's name where no item has it)
  const labels = compiled.rules.map((r) => String(r.name));
  const ruleOf = (name: string, label: string): number => {
    const at = index.get(name) ?? -1;
    if (at >= 0) labels[at] = label;
    return at;
  };
  const items = (p.entitlements ?? []).map((e) => ({
    e,
    rule: ruleOf(ruleName.entitlement(e.id), e.id),
    fields: Object.keys(e.fields ?? {}).map((name) => ({ name, rule: ruleOf(ruleName.field(e.id, name), `${e.id}.${name}`), suffix: `.${name}` })),
  }));
  const deadlines = (p.deadlines ?? []).map((d) => ruleOf(ruleName.deadline(d.id), d.id));
  const amounts = (p.amounts ?? []).map((a) => ruleOf(ruleName.amount(a.id), a.id));
  const credits = (p.credits ?? []).map((c) => ruleOf(ruleName.credit(c.id), c.id));
  const refund = (p.refund?.rules ?? []).map((r) => ({
    rule: ruleOf(ruleName.refund(r.id), `refund ${r.id}`),
    exclusions: (r.exclusions ?? []).map((x) => ruleOf(ruleName.exclusion(r.id, x.id), `exclusion ${x.id}`)),
  }));
  const rules = compiled.rules.map((r, i) => rulePlan(r.conditions, labels[i]));
  const trusted = ownRules(compiled);
  const entitlements = items.map(({ e, rule, fields }): EntitlementPlan => {
    const names = trusted && rule >= 0 ? rules[rule].conditions.map((c) => c.name) : [];
    return {
      e,
      id: e.id,
      clause: e.clause,
      subject: e.subject,
      each: e.each,
      cost: e.cost,
      limit: e.limit,
      used: e.used,
      ledger: e.ledger !== undefined,
      excess: e.excess === true,
      opens: e.opens,
      opening: e.opens && openingInstant(e.opens),
      until: e.until,
      pause: e.pause,
      closedBy: e.closed_by && describeEvent(e.closed_by),
      rule,
      fields,
      limitAt: names.indexOf('limit'),
      opensAt: names.indexOf('opens'),
      untilAt: names.indexOf('until'),
      pauseAt: names.indexOf('pause'),
    };
  });
  return { index, rules, repeated: index.size < compiled.rules.length, deadlines, amounts, credits, refund, entitlements };
}
