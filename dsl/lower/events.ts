// Event references (`[first|last] <event> [where …]`), their filters, and instants.
import type { EventRef, Instant } from '../../engine/ir/schema.ts';
import type { EventRefCstChildren, InstantCstChildren, WhereCstChildren, WhereEntryCstChildren } from '../cst.generated.ts';
import type { Lowering } from './context.ts';
import type { Scalar } from './literals.ts';

export type Where = Record<string, Scalar | Scalar[]>;

export const eventRules = {
  eventRef(lw: Lowering, ctx: EventRefCstChildren, ptr: string): EventRef {
    lw.map.at(ptr, ctx);
    const ref: EventRef = { event: lw.visit(ctx.event[0]) };
    lw.map.at(`${ptr}/event`, ctx.event[0]);
    if (ctx.K_first) ref.which = 'first';
    if (ctx.K_last) ref.which = 'last';
    if (ctx.where) ref.where = lw.visit(ctx.where[0], `${ptr}/where`);
    return ref;
  },
  where(lw: Lowering, ctx: WhereCstChildren, ptr: string): Where {
    const w: Where = {};
    lw.map.at(ptr, ctx);
    for (const e of ctx.whereEntry ?? []) {
      const key: string = lw.visit(e.children.attribute[0]);
      lw.put(w, key, lw.visit(e), ptr, e);
    }
    return w;
  },
  /** the value an attribute is filtered on (the entry's name is read by `where`) */
  whereEntry: (lw: Lowering, ctx: WhereEntryCstChildren): Scalar | Scalar[] => lw.visit(ctx.valueList?.[0] ?? ctx.value?.[0]),
  instant(lw: Lowering, ctx: InstantCstChildren, ptr: string): Instant {
    lw.map.at(ptr, ctx);
    if (ctx.K_instant) {
      lw.map.at(`${ptr}/instant`, ctx.instant?.[0]);
      return { instant: lw.visit(ctx.instant?.[0]) };
    }
    const out: Instant = { from: lw.visit(ctx.from?.[0], `${ptr}/from`) };
    if (ctx.add) out.add = lw.visit(ctx.add[0], `${ptr}/add`);
    const cal = ctx.calendar?.[0];
    if (cal) {
      out.calendar = lw.visit(cal);
      lw.map.at(`${ptr}/calendar`, cal);
    }
    return out;
  },
};
