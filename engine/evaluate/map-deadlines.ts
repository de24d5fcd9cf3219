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
      const { subject, status } = i;
      const met_at = i.metAt === undefined ? undefined : formatInstant(i.metAt, zone);
      // Keys in the order of contract.md, optional ones only when present. An object given keys
      // past its literal's keeps them in a second allocation: the shape of a case's many items
      // (per subject, with a priority) is one literal, met or not; the others are made up to `status`.
      if (subject !== undefined && priority !== undefined && !d.recommended) {
        items.push(
          met_at === undefined
            ? { id, subject, party, started_at, due, status, priority, clause }
            : { id, subject, party, started_at, due, status, met_at, priority, clause },
        );
        continue;
      }
      const item = (subject === undefined ? { id, party, started_at, due, status } : { id, subject, party, started_at, due, status }) as DeadlineItem;
      if (met_at !== undefined) item.met_at = met_at;
      if (priority !== undefined) item.priority = priority;
      if (d.recommended) item.recommended = true;
      item.clause = clause;
      items.push(item);
    }
    explain(clause, o);
  }
  return items;
}
