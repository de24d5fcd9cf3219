import type { CaseEvent, NormalizedCase } from '../../engine/case/case-model.ts';

const FIELDS = new Set(['type', 'at', 'until']);
const attributesOnly = (e: CaseEvent): CaseEvent => ({ ...e, attrs: Object.fromEntries(Object.entries(e.attrs).filter(([k]) => !FIELDS.has(k))) });

/** A normalised case with each event's `attrs` cut to its attributes: the fast reading may hand an
 *  event's own object over as its attributes, which also holds `type`, `at` and `until`. */
export function withAttributesOnly<C extends NormalizedCase | undefined>(c: C): C {
  return (c && { ...c, events: c.events.map(attributesOnly), later: c.later.map(attributesOnly) }) as C;
}
