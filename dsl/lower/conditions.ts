// Conditions: `when` lines, fact/plan/event/deadline/counter/entitlement/calendar conditions,
// comparisons, and groups `(A or B)`.
import { comparisonByDsl } from '../../engine/ir/operators.ts';
import type { Condition } from '../../engine/ir/schema.ts';
import type {
  AnyCondCstChildren,
  ComparisonCstChildren,
  ComparisonCstNode,
  ComparisonsCstChildren,
  ConditionCstChildren,
  ConditionsCstChildren,
  CounterCondCstChildren,
  DeadlineCondCstChildren,
  EntitlementCondCstChildren,
  EventCondCstChildren,
  FactCondCstChildren,
  NowCondCstChildren,
  OpenCondCstChildren,
  PlanCondCstChildren,
} from '../cst.generated.ts';
import type { Lowering, Obj } from './context.ts';
import { rangeFrom } from './cst.ts';
import { number, text, type Scalar } from './literals.ts';

/** Where a condition goes; `inGroup`: it is an alternative of `(… or …)`, which cannot itself be a group. */
export interface ConditionAt {
  ptr: string;
  inGroup?: boolean;
}

/** A simple condition's first field names what it tests: that is where an unknown name is reported. */
function named(lw: Lowering, key: string, node: import('chevrotain').CstNode, ptr: string): Obj {
  lw.map.at(`${ptr}/${key}`, node);
  return { [key]: lw.visit(node) };
}

/** The DSL spelling of a comparison's operator: `>=`, `not in`… */
export const spellingOf = (c: ComparisonCstNode) => (c.children.op ?? []).map((t) => t.image).join(' ');

/** One key per comparison (`>= 3` → `at_least: 3`) into `out`, each mapped to its operator. */
export function putComparisons(lw: Lowering, comparisons: ComparisonCstNode[], out: Obj, ptr: string): void {
  for (const c of comparisons) {
    const ops = c.children.op ?? [];
    const spelling = spellingOf(c);
    const op = comparisonByDsl(spelling);
    if (op) lw.put(out, op.key, lw.visit(c), ptr, rangeFrom(ops[0], ops[ops.length - 1]), `the comparison \`${spelling}\``);
  }
}

export const conditionRules = {
  /** `arg.into` receives the conditions, numbered on from its length */
  conditions(lw: Lowering, ctx: ConditionsCstChildren, arg: { ptr: string; into: Condition[] }): void {
    for (const c of ctx.condition ?? []) arg.into.push(lw.visit(c, { ptr: `${arg.ptr}/${arg.into.length}` }));
  },
  condition(lw: Lowering, ctx: ConditionCstChildren, at: ConditionAt): Condition {
    lw.map.at(at.ptr, ctx);
    const kind =
      ctx.factCond ?? ctx.planCond ?? ctx.eventCond ?? ctx.nowCond ?? ctx.deadlineCond ?? ctx.counterCond ?? ctx.entitlementCond ?? ctx.openCond ?? ctx.anyCond;
    const out: Obj = lw.visit(kind?.[0], at) ?? {};
    const reason = ctx.reason?.[0];
    if (reason) lw.put(out, 'reason', text(lw, reason), at.ptr, reason);
    return out as Condition;
  },
  anyCond(lw: Lowering, ctx: AnyCondCstChildren, at: ConditionAt): Obj {
    lw.map.at(`${at.ptr}/any`, ctx.LParen[0]);
    if (at.inGroup) {
      lw.report(
        'SLA1111',
        'a group `(… or …)` cannot hold another group',
        ctx,
        'list the alternatives in one group: `(A or B or C)` for `(A or (B or C))`; alternatives are single conditions, each with its own `because`',
      );
    } else if (ctx.condition.length < 2) {
      lw.report(
        'SLA1112',
        'a group `(… or …)` needs at least two alternatives',
        ctx,
        'join two or more conditions with `or`, e.g. `(fact a = 1 or event b)`; for a single condition, drop the parentheses',
      );
    }
    return { any: ctx.condition.map((a, i) => lw.visit(a, { ptr: `${at.ptr}/any/${i}`, inGroup: true })) };
  },
  /** `arg.out` receives one key per comparison */
  comparisons: (lw: Lowering, ctx: ComparisonsCstChildren, arg: { out: Obj; ptr: string }): void => putComparisons(lw, ctx.comparison, arg.out, arg.ptr),
  /** the operand of a comparison (its operator is read by `comparisons`) */
  comparison(lw: Lowering, ctx: ComparisonCstChildren): Scalar | Scalar[] {
    if (ctx.number) return number(lw, ctx.number[0]);
    return lw.visit(ctx.valueList?.[0] ?? ctx.value?.[0]);
  },
  factCond(lw: Lowering, ctx: FactCondCstChildren, at: ConditionAt): Obj {
    const out = named(lw, 'fact', ctx.fact[0], at.ptr);
    if (ctx.comparisons) lw.visit(ctx.comparisons[0], { out, ptr: at.ptr });
    return out;
  },
  planCond(lw: Lowering, ctx: PlanCondCstChildren, at: ConditionAt): Obj {
    return { ...named(lw, 'plan', ctx.plan[0], at.ptr), in: (lw.visit(ctx.options[0]) as Scalar[]).map(String) };
  },
  eventCond(lw: Lowering, ctx: EventCondCstChildren, at: ConditionAt): Obj {
    const { ptr } = at;
    const out = named(lw, 'event', ctx.event[0], ptr);
    if (ctx.where) out.where = lw.visit(ctx.where[0], `${ptr}/where`);
    if (ctx.K_no) out.exists = false;
    else if (ctx.K_exists) out.exists = true;
    if (ctx.before) out.before = lw.visit(ctx.before[0], `${ptr}/before`);
    if (ctx.after) out.after = lw.visit(ctx.after[0], `${ptr}/after`);
    if (ctx.K_no && ctx.K_exists)
      lw.report('SLA1110', '`no event … exists` says both', ctx.K_exists[0], 'write `no event x` (it did not happen) or `event x exists`');
    return out;
  },
  nowCond: (lw: Lowering, ctx: NowCondCstChildren, at: ConditionAt): Obj => ({ now_before: lw.visit(ctx.instant[0], `${at.ptr}/now_before`) }),
  deadlineCond(lw: Lowering, ctx: DeadlineCondCstChildren, at: ConditionAt): Obj {
    const { ptr } = at;
    const out = { ...named(lw, 'deadline', ctx.deadline[0], ptr), ...named(lw, 'status', ctx.status[0], ptr) };
    if (ctx.where) out.where = lw.visit(ctx.where[0], `${ptr}/where`);
    if (ctx.startedBefore) out.started_before = lw.visit(ctx.startedBefore[0], `${ptr}/started_before`);
    return out;
  },
  counterCond(lw: Lowering, ctx: CounterCondCstChildren, at: ConditionAt): Obj {
    const out = named(lw, 'counter', ctx.counter[0], at.ptr);
    if (ctx.comparisons) lw.visit(ctx.comparisons[0], { out, ptr: at.ptr });
    return out;
  },
  entitlementCond: (lw: Lowering, ctx: EntitlementCondCstChildren, at: ConditionAt): Obj => ({
    ...named(lw, 'entitlement', ctx.entitlement[0], at.ptr),
    allowed: !ctx.K_not,
  }),
  openCond: (lw: Lowering, ctx: OpenCondCstChildren, at: ConditionAt): Obj => named(lw, 'open', ctx.calendar[0], at.ptr),
};
