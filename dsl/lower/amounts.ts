// Amounts of money and percentages (`25 EUR`, `9% of migration_price`, `fact price`,
// `max(0, percent of each discount_code)% of list_price`): the grammar takes any term anywhere;
// here each place says which terms may stand in it.
import type { Amount, Percent } from '../../engine/ir/schema.ts';
import type { AmountCstChildren, AmountSourceCstChildren } from '../cst.generated.ts';
import type { Source } from '../../engine/ir/amount.ts';
import type { Lowering } from './context.ts';
import { number } from './literals.ts';

/** Where a term stands: an amount, a candidate of an amount's max/min, or of a percentage's. */
type Place = 'amount' | 'candidate' | 'percent';
interface At {
  ptr: string;
  place: Place;
}

const SOURCE_HELP = 'a number read from the case is `fact <fact>` or `<attribute> of [first | last | each] <event>`';

export const amountRules = {
  amountSource(lw: Lowering, ctx: AmountSourceCstChildren, { ptr, place }: At): Source {
    lw.map.at(ptr, ctx);
    if (ctx.fact) {
      lw.map.at(`${ptr}/fact`, ctx.fact[0]);
      return { fact: lw.visit(ctx.fact[0]) };
    }
    lw.map.at(`${ptr}/attribute`, ctx.attribute?.[0]);
    const attribute: string = lw.visit(ctx.attribute?.[0]);
    if (!ctx.K_each) return { attribute, of: lw.visit(ctx.of?.[0], `${ptr}/of`) };
    if (place === 'amount')
      lw.report(
        'SLA1102',
        '`each` gives several candidates: it stands only inside `max(…)` or `min(…)`',
        ctx.K_each[0],
        `write \`max(${attribute} of each …)\``,
      );
    return { attribute, each: lw.visit(ctx.of?.[0], `${ptr}/each`) };
  },

  /** `arg` is the pointer alone for an amount in its own place (a cost, an amount's value). */
  amount(lw: Lowering, ctx: AmountCstChildren, arg: string | At): Amount | Percent {
    const { ptr, place } = typeof arg === 'string' ? { ptr: arg, place: 'amount' as Place } : arg;
    lw.map.at(ptr, ctx);
    const pick = ctx.pick?.[0];
    const basis = ctx.basis?.[0];
    const currency = ctx.currency?.[0];
    if (place === 'percent') {
      const extra = pick ?? ctx.Percent?.[0] ?? currency?.children.Ident?.[0] ?? currency?.children.StringLit?.[0];
      if (extra)
        lw.report(
          'SLA1102',
          'a candidate of a percentage is a number or a number read from the case',
          extra,
          `write \`max(5, 10)% of <fact>\`; ${SOURCE_HELP}`,
        );
    }
    if (currency && !ctx.number)
      lw.report('SLA1102', 'a currency follows a number only', currency, 'an amount read from the case is in the currency of the case');
    if (basis && place !== 'percent') {
      lw.map.at(`${ptr}/of`, basis);
      const inner = `${ptr}/percent`;
      lw.map.at(inner, ctx);
      const percent: Percent = pick
        ? ({ [pick.image]: candidates(lw, ctx, `${inner}/${pick.image}`, 'percent') } as Percent)
        : ctx.number
          ? number(lw, ctx.number[0])
          : (lw.visit(ctx.amountSource?.[0], { ptr: inner, place: 'amount' } satisfies At) as Percent);
      return { percent, of: lw.visit<string>(basis) };
    }
    if (pick) {
      if (place !== 'amount')
        lw.report('SLA1102', `\`${pick.image}(…)\` cannot stand among the candidates of another`, pick, 'list every candidate in one `max(…)` or `min(…)`');
      return { [pick.image]: candidates(lw, ctx, `${ptr}/${pick.image}`, 'candidate') } as Amount;
    }
    if (ctx.number) {
      const n = number(lw, ctx.number[0]);
      if (place === 'percent') return n as unknown as Amount;
      return currency ? { amount: n, currency: lw.visit(currency) } : { amount: n };
    }
    return lw.visit(ctx.amountSource?.[0], { ptr, place } satisfies At);
  },
};

function candidates(lw: Lowering, ctx: AmountCstChildren, ptr: string, place: Place): unknown[] {
  lw.map.at(ptr, ctx);
  return (ctx.candidate ?? []).map((c, i) => lw.visit(c, { ptr: `${ptr}/${i}`, place } satisfies At));
}
