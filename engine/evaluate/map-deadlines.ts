import type { DeadlineItem } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import type { MapContext } from './map-context.ts';

export function mapDeadlines({ rt, plan, outcomes, explain }: MapContext): DeadlineItem[] {
  const zone = rt.policy.zone;
  const items: DeadlineItem[] = [];
  const deadlines = rt.policy.deadlines ?? [];
  for (let n = 0; n < deadlines.length; n++) {
    const d = deadlines[n];
    const o = outcomes[plan.deadlines[n]];
    if (!o?.result) continue;
    const priority = d.priority === undefined ? undefined : rt.value<string>(d.priority);
    const instances = rt.deadlines(d.id);
    for (let k = 0; k < instances.length; k++) {
      const i = instances[k];
      // keys in the order of contract.md, optional ones only when present
      const item = { id: d.id } as DeadlineItem;
      if (i.subject !== undefined) item.subject = i.subject;
      item.party = d.party;
      item.started_at = formatInstant(i.start.at, zone);
      item.due = formatInstant(i.due, zone);
      item.status = i.status;
      if (i.metAt !== undefined) item.met_at = formatInstant(i.metAt, zone);
      if (priority !== undefined) item.priority = priority;
      if (d.recommended) item.recommended = true;
      item.clause = d.clause;
      items.push(item);
    }
    explain(d.clause, o);
  }
  return items;
}
