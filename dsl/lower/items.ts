// Deadlines, entitlements and credits: the head they share (`<id> ["title"] [per <attr>] (clause <id>)`),
// plan gating (`for …`), and the lines of each body.
import type { CstNode } from 'chevrotain';
import type { AmountItem, Condition, Credit, Deadline, Entitlement, Ledger, Used } from '../../engine/ir/schema.ts';
import type {
  AmountDeclCstChildren,
  AmountItemCstChildren,
  AppliesCstChildren,
  CreditDeclCstChildren,
  CreditItemCstChildren,
  DeadlineDeclCstChildren,
  DeadlineItemCstChildren,
  EntitlementDeclCstChildren,
  EntitlementItemCstChildren,
  ItemHeadCstChildren,
  LedgerCstChildren,
  UsedCstChildren,
} from '../cst.generated.ts';
import { pointerSegment } from '../json-pointer.ts';
import type { Lowering, Obj } from './context.ts';
import { rangeFrom } from './cst.ts';
import { number, text } from './literals.ts';
import { badNo } from './no-items.ts';
import { opening } from './events.ts';

interface Into {
  o: Obj;
  ptr: string;
}

interface Head extends Into {
  /** what may not be answered per subject (`per <attribute>` in its head), if the item may not */
  single?: 'credit' | 'amount';
}

/** A deadline, entitlement or credit: its head, then each line of its body. */
function item(
  lw: Lowering,
  ctx: DeadlineDeclCstChildren | EntitlementDeclCstChildren | AmountDeclCstChildren | CreditDeclCstChildren,
  body: CstNode[] | undefined,
  ptr: string,
): Obj {
  const o: Obj = {};
  lw.map.at(ptr, ctx);
  const single = 'K_credit' in ctx ? 'credit' : 'K_amount' in ctx ? 'amount' : undefined;
  lw.visit(ctx.itemHead[0], { o, ptr, single } satisfies Head);
  for (const it of body ?? []) lw.visit(it, { o, ptr } satisfies Into);
  return o;
}

export const itemRules = {
  itemHead(lw: Lowering, ctx: ItemHeadCstChildren, { o, ptr, single }: Head): void {
    o.id = lw.visit(ctx.id[0]);
    lw.map.at(`${ptr}/id`, ctx.id[0]);
    if (ctx.title) o.title = text(lw, ctx.title[0]);
    if (ctx.clauseRef) o.clause = lw.visit(ctx.clauseRef[0], ptr);
    const subject = ctx.subject?.[0];
    if (subject && !single) lw.put(o, 'subject', lw.visit(subject), ptr, subject);
    // the head rule is shared with deadlines and entitlements; a credit's period goes in its body
    else if (subject && single === 'amount')
      lw.report('SLA1102', 'an amount is not answered per subject', rangeFrom(ctx.K_per?.[0], subject), 'leave out `per …`');
    else if (subject)
      lw.report(
        'SLA1113',
        'a credit is not answered per subject',
        rangeFrom(ctx.K_per?.[0], subject),
        'give its period inside the braces: `per month` or `per solar_month`',
      );
  },
  applies(lw: Lowering, ctx: AppliesCstChildren, { o, ptr }: Into): void {
    const applies = (o.applies ??= {}) as Obj;
    lw.map.at(`${ptr}/applies`, ctx);
    if (ctx.K_all) return;
    const dim: string = lw.visit(ctx.plan?.[0]);
    lw.put(applies, dim, lw.visit(ctx.options?.[0]), `${ptr}/applies`, ctx, `\`for ${dim}\``);
  },

  deadlineDecl: (lw: Lowering, ctx: DeadlineDeclCstChildren, ptr: string) => item(lw, ctx, ctx.deadlineItem, ptr) as Deadline,
  deadlineItem(lw: Lowering, ctx: DeadlineItemCstChildren, { o: d, ptr }: Into): void {
    if (ctx.applies) lw.visit(ctx.applies[0], { o: d, ptr });
    else if (ctx.calendar) lw.put(d, 'calendar', lw.visit(ctx.calendar[0]), ptr, ctx);
    else if (ctx.pvString) lw.put(d, 'priority', lw.visit(ctx.pvString[0], `${ptr}/priority`), ptr, ctx);
    else if (ctx.K_internal || ctx.K_reported) lw.put(d, 'report', !!ctx.K_reported, ptr, ctx, '`internal` or `reported`');
    else if (d.party !== undefined) lw.report('SLA1105', 'a deadline has one `… owes … within … after …` line', ctx, 'keep one of them');
    else {
      d.party = lw.visit(ctx.party?.[0]);
      lw.map.at(`${ptr}/party`, ctx.party?.[0]);
      if (ctx.K_should) d.recommended = true;
      if (ctx.K_must) d.recommended = false;
      d.stop = lw.visit(ctx.stop?.[0], `${ptr}/stop`);
      d.duration = lw.visit(ctx.pvDuration?.[0], `${ptr}/duration`);
      d.start = lw.visit(ctx.start?.[0], `${ptr}/start`);
    }
  },

  entitlementDecl: (lw: Lowering, ctx: EntitlementDeclCstChildren, ptr: string) => item(lw, ctx, ctx.entitlementItem, ptr) as Entitlement,
  entitlementItem(lw: Lowering, ctx: EntitlementItemCstChildren, { o: e, ptr }: Into): void {
    if (ctx.applies) lw.visit(ctx.applies[0], { o: e, ptr });
    else if (ctx.each) {
      const each: Obj = { event: lw.visit(ctx.each[0]) };
      lw.map.at(`${ptr}/each/event`, ctx.each[0]);
      if (ctx.where) each.where = lw.visit(ctx.where[0], `${ptr}/each/where`);
      const subject = ctx.eachSubject?.[0];
      if (subject) {
        each.subject = lw.visit(subject);
        lw.map.at(`${ptr}/each/subject`, subject);
      }
      lw.put(e, 'each', each, ptr, ctx, '`each`');
    } else if (ctx.pvLimit) lw.put(e, 'limit', lw.visit(ctx.pvLimit[0], `${ptr}/limit`), ptr, ctx);
    else if (ctx.kind) lw.put(e, 'limit_kind', lw.visit(ctx.kind[0]), ptr, ctx, '`kind`');
    else if (ctx.used) lw.put(e, 'used', lw.visit(ctx.used[0], `${ptr}/used`), ptr, ctx);
    else if (ctx.K_excess) lw.put(e, 'excess', true, ptr, ctx, '`excess`');
    else if (ctx.ledger) lw.put(e, 'ledger', lw.visit(ctx.ledger[0], `${ptr}/ledger`), ptr, ctx);
    else if (ctx.opens) lw.put(e, 'opens', opening(lw, ctx.opens[0], `${ptr}/opens`), ptr, ctx);
    else if (ctx.instant) lw.put(e, 'until', lw.visit(ctx.instant[0], `${ptr}/until`), ptr, ctx);
    else if (ctx.closedBy) lw.put(e, 'closed_by', lw.visit(ctx.closedBy[0], `${ptr}/closed_by`), ptr, ctx, '`closed by`');
    else if (ctx.K_paused) {
      const pause = {
        start: lw.visit(ctx.pauseStart?.[0], `${ptr}/pause/start`),
        stop: lw.visit(ctx.pauseStop?.[0], `${ptr}/pause/stop`),
        max: lw.visit(ctx.pauseMax?.[0]),
      };
      lw.map.at(`${ptr}/pause/max`, ctx.pauseMax?.[0]);
      lw.put(e, 'pause', pause, ptr, ctx, '`paused`');
    } else if (ctx.conditions) {
      lw.map.at(`${ptr}/when`, ctx);
      lw.visit(ctx.conditions[0], { ptr: `${ptr}/when`, into: (e.when ??= []) as Condition[] });
    } else if (ctx.pvAmount) lw.put(e, 'cost', lw.visit(ctx.pvAmount[0], `${ptr}/cost`), ptr, ctx);
    else if (ctx.field) {
      const fields = (e.fields ??= {}) as Obj;
      const name: string = lw.visit(ctx.field[0]);
      lw.put(fields, name, lw.visit(ctx.condition?.[0], { ptr: `${ptr}/fields/${pointerSegment(name)}` }), `${ptr}/fields`, ctx, `field \`${name}\``);
    } else if (ctx.noItem) {
      const what: string = lw.visit(ctx.noItem[0]);
      if (what === 'excess') lw.put(e, 'excess', false, ptr, ctx, '`excess`');
      else if (what === 'fields') e.fields ??= {};
      else badNo(lw, what, ctx.noItem[0], ['excess', 'fields']);
    }
  },
  ledger(lw: Lowering, ctx: LedgerCstChildren, ptr: string): Ledger {
    lw.map.at(ptr, ctx);
    const attribute: string = lw.visit(ctx.attribute[0]);
    const l: Obj = { grant: lw.visit(ctx.grant[0], `${ptr}/grant`) };
    if (ctx.K_in) {
      const values: Obj = {};
      lw.map.at(`${ptr}/amount/values`, rangeFrom(ctx.LCurly?.[0], ctx.RCurly?.[0]));
      (ctx.value ?? []).forEach((v, i) => {
        const key: string = lw.visit(v);
        lw.put(values, key, number(lw, ctx.size![i]), `${ptr}/amount/values`, v, `the size of \`${key}\``);
      });
      l.amount = { attribute, values };
      lw.map.at(`${ptr}/amount/attribute`, ctx.attribute[0]);
    } else {
      l.amount = attribute;
      lw.map.at(`${ptr}/amount`, ctx.attribute[0]);
    }
    if (ctx.expires) l.expires = lw.visit(ctx.expires[0], `${ptr}/expires`);
    if (ctx.calendar) {
      l.calendar = lw.visit(ctx.calendar[0]);
      lw.map.at(`${ptr}/calendar`, ctx.calendar[0]);
    }
    if (ctx.plan) {
      l.plan = lw.visit(ctx.plan[0]);
      lw.map.at(`${ptr}/plan`, ctx.plan[0]);
    }
    return l as Ledger;
  },
  used(lw: Lowering, ctx: UsedCstChildren, ptr: string): Used {
    lw.map.at(ptr, ctx);
    if (ctx.fact) {
      lw.map.at(`${ptr}/fact`, ctx.fact[0]);
      return { fact: lw.visit(ctx.fact[0]) };
    }
    if (ctx.attribute) lw.map.at(`${ptr}/sum`, ctx.attribute[0]);
    const u: Obj = ctx.count
      ? { count: lw.visit(ctx.count[0], `${ptr}/count`) }
      : { sum: lw.visit(ctx.attribute?.[0]), of: lw.visit(ctx.of?.[0], `${ptr}/of`) };
    if (ctx.after) u.after = lw.visit(ctx.after[0], `${ptr}/after`);
    return u as Used;
  },

  amountDecl: (lw: Lowering, ctx: AmountDeclCstChildren, ptr: string) => item(lw, ctx, ctx.amountItem, ptr) as AmountItem,
  amountItem(lw: Lowering, ctx: AmountItemCstChildren, { o: a, ptr }: Into): void {
    if (ctx.applies) lw.visit(ctx.applies[0], { o: a, ptr });
    else if (ctx.pvAmount) lw.put(a, 'value', lw.visit(ctx.pvAmount[0], `${ptr}/value`), ptr, ctx, '`value`');
  },

  creditDecl: (lw: Lowering, ctx: CreditDeclCstChildren, ptr: string) => item(lw, ctx, ctx.creditItem, ptr) as Credit,
  creditItem(lw: Lowering, ctx: CreditItemCstChildren, { o: c, ptr }: Into): void {
    if (ctx.applies) lw.visit(ctx.applies[0], { o: c, ptr });
    else if (ctx.per) lw.put(c, 'per', lw.visit(ctx.per[0]), ptr, ctx);
    else if (ctx.downtime) lw.put(c, 'downtime', lw.visit(ctx.downtime[0], `${ptr}/downtime`), ptr, ctx);
    else if (ctx.below) lw.put(c, 'below', number(lw, ctx.below[0]), ptr, ctx);
    else if (ctx.K_pays) {
      lw.put(c, 'multiplier', number(lw, ctx.multiplier?.[0]), ptr, ctx, '`pays`');
      lw.put(c, 'unit', lw.visit(ctx.unit?.[0]), ptr, ctx, '`pays`');
    }
  },
};
