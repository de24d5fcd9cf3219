// A case after validation: instants as epoch ms, defaults applied, events in time order.
export type Scalar = string | number | boolean;

export interface CaseEvent {
  /** position in the case's `events` list, for diagnostics and stable ordering */
  index: number;
  type: string;
  at: number;
  /** end of an interval event; undefined while it is still going on */
  until?: number;
  /** the event's attributes, read by their declared names only: it may be the case's own event
   *  object, which holds `type`, `at` and `until` too */
  attrs: Record<string, Scalar>;
}

export interface NormalizedCase {
  at: number;
  plans: Record<string, string>;
  facts: Record<string, Scalar>;
  /** events at or before `at`, sorted by time (then by their order in the case) */
  events: CaseEvent[];
  /** events after `at`: not happened yet */
  later: CaseEvent[];
}
