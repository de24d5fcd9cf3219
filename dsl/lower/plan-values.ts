// Plan values (`X`, or `by <plan> { <option>: X, … }`) of durations, names, limits and amounts.
import type { CstNode, IToken } from 'chevrotain';
import type { Amount, EventRef, Limit } from '../../engine/ir/schema.ts';
import type {
  LimitValueCstChildren,
  NameCstNode,
  PvAmountCstChildren,
  PvDurationCstChildren,
  PvLimitCstChildren,
  PvStringCstChildren,
  RefCstNode,
} from '../cst.generated.ts';
import { pointerSegment } from '../json-pointer.ts';
import type { Lowering } from './context.ts';
import { number } from './literals.ts';

/** The children every plan value has (see `byPlan` in the grammar). */
type PlanValueChildren<N extends CstNode> = {
  K_by?: IToken[];
  plan?: RefCstNode[];
  option?: NameCstNode[];
  optionValue?: N[];
  single?: N[];
};

/** Lowers a plan value; each option's value (and the single value) is lowered by its own rule. */
function planValue<T, N extends CstNode>(lw: Lowering, ctx: PlanValueChildren<N>, ptr: string): T | { by: string; values: Record<string, T> } {
  lw.map.at(ptr, ctx);
  const by = ctx.K_by?.[0];
  if (!by) return lw.visit(ctx.single?.[0], ptr) as T;
  const values: Record<string, T> = {};
  const inners = ctx.optionValue ?? [];
  (ctx.option ?? []).forEach((n, i) => {
    const key: string = lw.visit(n);
    if (inners[i]) lw.put(values, key, lw.visit(inners[i], `${ptr}/values/${pointerSegment(key)}`), `${ptr}/values`, n, `the value for \`${key}\``);
  });
  lw.map.at(`${ptr}/by`, ctx.plan?.[0]);
  lw.map.at(`${ptr}/values`, by);
  return { by: lw.visit(ctx.plan?.[0]), values };
}

export const planValueRules = {
  pvDuration: (lw: Lowering, ctx: PvDurationCstChildren, ptr: string) => planValue<string, CstNode>(lw, ctx, ptr),
  pvString: (lw: Lowering, ctx: PvStringCstChildren, ptr: string) => planValue<string, CstNode>(lw, ctx, ptr),
  pvAmount: (lw: Lowering, ctx: PvAmountCstChildren, ptr: string) => planValue<Amount, CstNode>(lw, ctx, ptr),
  pvLimit(lw: Lowering, ctx: PvLimitCstChildren, ptr: string): Limit {
    if (!ctx.K_of) return planValue<number | null, CstNode>(lw, ctx, ptr);
    lw.map.at(ptr, ctx);
    lw.map.at(`${ptr}/attribute`, ctx.attribute?.[0]);
    return { attribute: lw.visit(ctx.attribute?.[0]), of: lw.visit(ctx.of?.[0], `${ptr}/of`) as EventRef };
  },
  limitValue: (lw: Lowering, ctx: LimitValueCstChildren): number | null => (ctx.NumberLit ? number(lw, ctx.NumberLit[0]) : null),
};
