// The refund section: basis, request, rules with their exclusions, and the reason otherwise.
import type { Condition, Refund, RefundRule } from '../../engine/ir/schema.ts';
import type { ExclusionCstChildren, RefundDeclCstChildren, RefundItemCstChildren, RefundRuleCstChildren, RuleItemCstChildren } from '../cst.generated.ts';
import type { Lowering, Obj } from './context.ts';
import { number, text } from './literals.ts';
import { badNo } from './no-items.ts';

const PTR = '/refund';

export const refundRules = {
  refundDecl(lw: Lowering, ctx: RefundDeclCstChildren): Refund {
    const r: Obj = {};
    lw.map.at(PTR, ctx);
    r.clause = lw.visit(ctx.clauseRef[0], PTR);
    r.rules = [];
    for (const it of ctx.refundItem ?? []) lw.visit(it, r);
    return r as Refund;
  },
  refundItem(lw: Lowering, ctx: RefundItemCstChildren, r: Obj): void {
    if (ctx.basis) lw.put(r, 'basis', lw.visit(ctx.basis[0]), PTR, ctx);
    else if (ctx.request) lw.put(r, 'request', lw.visit(ctx.request[0], `${PTR}/request`), PTR, ctx, '`requested at`');
    else if (ctx.otherwise) lw.put(r, 'otherwise', text(lw, ctx.otherwise[0]), PTR, ctx);
    else if (ctx.refundRule) {
      const rules = r.rules as RefundRule[];
      rules.push(lw.visit(ctx.refundRule[0], `${PTR}/rules/${rules.length}`));
    }
  },
  refundRule(lw: Lowering, ctx: RefundRuleCstChildren, ptr: string): RefundRule {
    const r: Obj = { id: lw.visit(ctx.id[0]) };
    lw.map.at(ptr, ctx);
    if (ctx.clauseRef) r.clause = lw.visit(ctx.clauseRef[0], ptr);
    r.when = [];
    for (const it of ctx.ruleItem ?? []) lw.visit(it, { r, ptr });
    return r as RefundRule;
  },
  ruleItem(lw: Lowering, ctx: RuleItemCstChildren, { r, ptr }: { r: Obj; ptr: string }): void {
    if (ctx.conditions) {
      lw.map.at(`${ptr}/when`, ctx);
      lw.visit(ctx.conditions[0], { ptr: `${ptr}/when`, into: r.when as Condition[] });
    } else if (ctx.percent) {
      lw.put(r, 'percent', number(lw, ctx.percent[0]), ptr, ctx, 'the refund percentage');
      const reason = ctx.reason?.[0];
      if (reason) lw.put(r, 'reason', text(lw, reason), ptr, reason);
    } else if (ctx.exclusion) {
      const list = (r.exclusions ??= []) as Obj[];
      list.push(lw.visit(ctx.exclusion[0], `${ptr}/exclusions/${list.length}`));
    } else if (ctx.noItem) {
      const what: string = lw.visit(ctx.noItem[0]);
      if (what === 'exclusions') r.exclusions ??= [];
      else badNo(lw, what, ctx.noItem[0], ['exclusions']);
    }
  },
  exclusion(lw: Lowering, ctx: ExclusionCstChildren, ptr: string): Obj {
    lw.map.at(ptr, ctx);
    const ex: Obj = { id: lw.visit(ctx.id[0]) };
    if (ctx.clauseRef) ex.clause = lw.visit(ctx.clauseRef[0], ptr);
    ex.reason = text(lw, ctx.reason[0]);
    ex.when = lw.visit(ctx.condition[0], { ptr: `${ptr}/when` });
    return ex;
  },
};
