// Selecting case events by type and attributes, as of an instant.
import type { CaseEvent } from '../case/case-model.ts';
import type { Hidden } from '../compile/fact-params.ts';
import type { EventRef } from '../ir/schema.ts';

type Where = EventRef['where'];

export function matchesWhere(e: CaseEvent, where: Where): boolean {
  if (!where) return true;
  for (const [attr, want] of Object.entries(where)) {
    const v = e.attrs[attr];
    if (Array.isArray(want) ? !want.includes(v) : v !== want) return false;
  }
  return true;
}

export const isHidden = (e: CaseEvent, hidden: Hidden | undefined) =>
  !!hidden?.some((h) => h.event === e.type && matchesWhere(e, h.where));

/** Events of `ref` at or before `now` (events are sorted by time). */
export function selectEvents(events: readonly CaseEvent[], ref: Pick<EventRef, 'event' | 'where'>, now: number, hidden?: Hidden): CaseEvent[] {
  const out: CaseEvent[] = [];
  for (const e of events) {
    if (e.at > now) break;
    if (e.type === ref.event && matchesWhere(e, ref.where) && !isHidden(e, hidden)) out.push(e);
  }
  return out;
}

export function pickEvent(events: readonly CaseEvent[], ref: EventRef, now: number, hidden?: Hidden): CaseEvent | undefined {
  const all = selectEvents(events, ref, now, hidden);
  return ref.which === 'last' ? all[all.length - 1] : all[0];
}
