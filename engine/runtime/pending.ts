// Known and pending instants. An instant is *known* once its anchor event has happened (a number,
// epoch ms) and *pending* before (null): then it lies in the future, later than every instant that
// has happened by "now". A comparison marked `known: true` needs the anchor to have happened, so
// while the instant is pending it does not hold. Every comparison of instants goes through here.

/** A known instant, or null while it is pending. */
export type InstantValue = number | null;

const isKnown = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** `t` is strictly before `bound` (a pending bound follows everything that has happened). */
export function precedes(t: unknown, bound: unknown, needsKnown = false): boolean {
  if (!isKnown(t)) return false;
  return bound === null ? !needsKnown : isKnown(bound) && t < bound;
}

/** `t` is strictly after `bound`: nothing that has happened is after a pending instant. */
export function follows(t: unknown, bound: unknown): boolean {
  return isKnown(t) && isKnown(bound) && t > bound;
}

/** `bound` has been reached by `now` (now at or after it): a pending one has not. */
export function reached(bound: unknown, now: unknown): boolean {
  return isKnown(bound) && isKnown(now) && bound <= now;
}
