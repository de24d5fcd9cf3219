import type { DeadlineItem } from '../answer.ts';
import { formatInstant } from '../calendar/index.ts';
import { ruleName } from '../compile/rule-name.ts';
import type { MapContext } from './map-context.ts';

export function mapDeadlines({ rt, outcomes, explain }: MapContext): DeadlineItem[] {
  const zone = rt.policy.zone;
  const items: DeadlineItem[] = [];
  for (const d of rt.policy.deadlines ?? []) {
    const o = outcomes.get(ruleName.deadline(d.id));
    if (!o?.result) continue;
    const priority = d.priority === undefined ? undefined : rt.value<string>(d.priority);
    for (const i of rt.deadlines(d.id)) {
      items.push({
        id: d.id,
        ...(i.subject !== undefined ? { subject: i.subject } : {}),
        party: d.party,
        started_at: formatInstant(i.start.at, zone),
        due: formatInstant(i.due, zone),
        status: i.status,
        ...(i.metAt !== undefined ? { met_at: formatInstant(i.metAt, zone) } : {}),
        ...(priority !== undefined ? { priority } : {}),
        ...(d.recommended ? { recommended: true } : {}),
        clause: d.clause,
      });
    }
    explain(d.clause, d.id, o.conditions);
  }
  return items;
}
