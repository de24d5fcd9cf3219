// Event references (`[first|last] <event> [where …]`), their filters, and instants.
import type { AttributeComparison, EventRef, Instant } from '../../engine/ir/schema.ts';
import { pointerSegment } from '../json-pointer.ts';
import type { EventRefCstChildren, InstantCstChildren, WhereCstChildren, WhereEntryCstChildren } from '../cst.generated.ts';
import { putComparisons, spellingOf } from './conditions.ts';
import type { Lowering, Obj } from './context.ts';
import type { Where } from '../../engine/ir/schema.ts';

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
      lw.put(w, key, lw.visit(e, `${ptr}/${pointerSegment(key)}`), ptr, e, `attribute \`${key}\``);
    }
    return w;
  },
  /** what an attribute is filtered on (the entry's name is read by `where`): `= v` is the value,
   *  `in [..]` the list, any other comparison, or comparisons in braces, the comparison object */
  whereEntry(lw: Lowering, ctx: WhereEntryCstChildren, ptr: string): Where[string] {
    const out: Obj = {};
    lw.map.at(ptr, ctx);
    const list = ctx.comparisons?.[0].children.comparison ?? ctx.comparison ?? [];
    if (!ctx.LCurly && ['=', 'in'].includes(spellingOf(list[0]))) return lw.visit(list[0]);
    putComparisons(lw, list, out, ptr);
    return out as AttributeComparison;
  },
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
