// Whether two simple conditions can never hold together, judged from their terms alone (no case
// needed): the same fact pinned to different values, disjoint plan options, an event both required
// and excluded, an entitlement both allowed and not.
import type { Condition, SimpleCondition } from '../../ir/schema.ts';
import { termKey } from '../walk-ir.ts';

type FactCondition = Extract<SimpleCondition, { fact: string }>;
type Scalar = string | number | boolean;

/** The values a fact condition accepts, when it names them (equals / in). */
const accepted = (c: FactCondition): Scalar[] | undefined => (c.equals !== undefined ? [c.equals] : c.in);
/** The values it refuses, when it names them (not_equals / not_in). */
const refused = (c: FactCondition): Scalar[] | undefined => (c.not_equals !== undefined ? [c.not_equals] : c.not_in);

function factsContradict(a: FactCondition, b: FactCondition): boolean {
  const [aa, ba] = [accepted(a), accepted(b)];
  if (aa && ba) return !aa.some((v) => ba.includes(v));
  const [ar, br] = [refused(a), refused(b)];
  if (aa && br) return aa.every((v) => br.includes(v));
  if (ba && ar) return ba.every((v) => ar.includes(v));
  return false;
}

export function contradict(a: Condition, b: Condition): boolean {
  if ('any' in a || 'any' in b) return false;
  if ('fact' in a && 'fact' in b) return a.fact === b.fact && factsContradict(a, b);
  if ('plan' in a && 'plan' in b) return a.plan === b.plan && !a.in.some((o) => b.in.includes(o));
  if ('entitlement' in a && 'entitlement' in b) return a.entitlement === b.entitlement && a.allowed !== b.allowed;
  if ('event' in a && 'event' in b) {
    const query = (c: typeof a) => termKey({ event: c.event, where: c.where, before: c.before, after: c.after });
    return query(a) === query(b) && (a.exists ?? true) !== (b.exists ?? true);
  }
  return false;
}
