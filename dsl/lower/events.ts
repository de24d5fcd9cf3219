// Event references (`[first|last] <event> [where …]`), their filters, and instants.
import type { EventRef, Instant, Opening } from '../../engine/ir/schema.ts';
import type { EventRefCstChildren, InstantCstChildren, InstantCstNode, WhereCstChildren, WhereEntryCstChildren } from '../cst.generated.ts';
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
    const known = ctx.K_known?.[0];
    if (known) lw.map.at(`${ptr}/known`, known);
    let out: Instant;
    if (ctx.K_instant) {
      lw.map.at(`${ptr}/instant`, ctx.instant?.[0]);
      out = { instant: lw.visit(ctx.instant?.[0]) };
    } else {
      out = { from: lw.visit(ctx.from?.[0], `${ptr}/from`) };
      if (ctx.add) out.add = lw.visit(ctx.add[0], `${ptr}/add`);
      const cal = ctx.calendar?.[0];
      if (cal) {
        out.calendar = lw.visit(cal);
        lw.map.at(`${ptr}/calendar`, cal);
      }
    }
    if (known) out.known = true;
    return out;
  },
};

/** `opens at <event>` opens at the event itself; `opens at <event> + <duration>` or `opens at
 *  instant <name>` at that instant */
export function opening(lw: Lowering, node: InstantCstNode, ptr: string): Opening {
  const ctx = node.children;
  if (!ctx.K_instant && !ctx.add && !ctx.calendar && !ctx.K_known) return lw.visit(ctx.from?.[0], ptr);
  return lw.visit(node, ptr);
}
