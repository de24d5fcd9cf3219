// The case's intervals for the timeline: outages (events of a type with a duration, `at` → `until`)
// and pauses (an entitlement's pause start → the stop that resumes it, as the runtime reads them).
// Every event of the case counts, also those after `at`, since the timeline shows them all.
import type { CaseEvent } from '../../../engine/case/case-model.ts';
import { validateCase } from '../../../engine/case/validate-case.ts';
import type { EventRef, Policy } from '../../../engine/ir/schema.ts';
import { matchesWhere } from '../../../engine/runtime/event-index.ts';
import type { CaseInterval } from './protocol.ts';

const matching = (events: CaseEvent[], ref: EventRef) => events.filter((e) => e.type === ref.event && matchesWhere(e, ref.where));

export function caseIntervals(policy: Policy, input: unknown): CaseInterval[] {
  const { events, later } = validateCase(policy, input);
  const all = [...events, ...later];
  const out: CaseInterval[] = [];
  for (const e of all) if (policy.events?.[e.type]?.duration) out.push({ kind: 'outage', label: e.type, from: e.at, until: e.until ?? null });
  for (const ent of policy.entitlements ?? []) {
    if (!ent.pause) continue;
    const stops = matching(all, ent.pause.stop);
    let resumedAt = -Infinity;
    for (const start of matching(all, ent.pause.start)) {
      // a start while already paused belongs to that pause
      if (start.at < resumedAt) continue;
      const stop = stops.find((s) => s.at >= start.at);
      out.push({ kind: 'pause', label: `${ent.id} paused`, from: start.at, until: stop?.at ?? null, max: ent.pause.max });
      if (!stop) break;
      resumedAt = stop.at;
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
