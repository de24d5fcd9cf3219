import type { CreditItem } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import { roundHalfAway } from '../money.ts';
import type { MapContext } from './map-context.ts';

const HOUR = 3_600_000;

export function mapCredits({ rt, plan, outcomes, explain }: MapContext): CreditItem[] {
  const zone = rt.policy.zone;
  const items: CreditItem[] = [];
  const credits = rt.policy.credits ?? [];
  for (let i = 0; i < credits.length; i++) {
    const c = credits[i];
    const o = outcomes[plan.credits[i]];
    if (!o) continue;
    explain(c.clause, o);
    if (!o.result) continue;
    for (const period of rt.credits(c)) {
      if (period.amount <= 0) continue;
      const availability = roundHalfAway(period.availability * 100, 3);
      const hours = roundHalfAway(period.downtimeMs / HOUR, 4);
      items.push({
        id: c.id,
        period: { from: formatInstant(period.from, zone), until: formatInstant(period.until, zone) },
        amount: roundHalfAway(period.amount, 4),
        unit: c.unit,
        availability: roundHalfAway(period.availability, 6),
        downtime_hours: hours,
        reasons: [
          `${hours} hours down of ${roundHalfAway((period.until - period.from) / HOUR, 2)}: availability ${availability}% is below ${roundHalfAway(c.below * 100, 3)}%`,
          `credit = ${c.multiplier} × ${hours} hours = ${roundHalfAway(period.amount, 4)} ${c.unit}`,
        ],
        clause: c.clause,
      });
    }
  }
  return items;
}
