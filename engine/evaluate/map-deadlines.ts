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
    const { id, party, clause } = d;
    const priority = d.priority === undefined ? undefined : rt.value<string>(d.priority);
    const instances = rt.deadlines(id);
    for (let k = 0; k < instances.length; k++) {
      const i = instances[k];
      const started_at = formatInstant(i.start.at, zone);
      const due = formatInstant(i.due, zone);
      // keys in the order of contract.md, optional ones only when present; those up to `status`
      // made at once (an object given its keys one by one is reallocated as it grows)
      const item = (
        i.subject === undefined ? { id, party, started_at, due, status: i.status } : { id, subject: i.subject, party, started_at, due, status: i.status }
      ) as DeadlineItem;
      if (i.metAt !== undefined) item.met_at = formatInstant(i.metAt, zone);
      if (priority !== undefined) item.priority = priority;
      if (d.recommended) item.recommended = true;
      item.clause = clause;
      items.push(item);
    }
    explain(clause, o);
  }
  return items;
}
