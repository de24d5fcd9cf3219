// Operators: json-rules-engine's built-ins (mirrored for the direct evaluator) and ours, which
// compare instants and limits where "unknown" (null) must never compare as a number.
// Instants are compared as runtime/pending.ts says: the fact is the instant (null while pending),
// the value is "now".
import { precedes, reached } from './pending.ts';

export type Operator = (factValue: unknown, value: unknown) => boolean;

const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const customOperators: Record<string, Operator> = {
  isKnown: (a, want) => (a !== null && a !== undefined) === want,
  /** now is before the instant, which must be known (`known: true`) */
  instantAfter: (a, b) => precedes(b, a, true),
  /** now is before the instant, known or pending (a pending instant lies in the future) */
  instantAfterOrPending: (a, b) => precedes(b, a),
  /** the instant has been reached: known, and at or before now */
  instantAtOrBefore: (a, b) => reached(a, b),
  /** counted uses: allowed while used < limit; a null limit is unlimited */
  underLimit: (used, limit) => known(used) && (limit === null || (known(limit) && used < limit)),
  /** capacity: allowed while used ≤ limit */
  withinLimit: (used, limit) => known(used) && (limit === null || (known(limit) && used <= limit)),
  notEmpty: (a, want) => (Array.isArray(a) && a.length > 0) === want,
};

/** The built-in operators of json-rules-engine 7 (operator-map defaults), with its fact-value
 *  validators; where the engine would throw on a value of the wrong type, false. */
const numeric = (a: unknown) => Number.parseFloat(a as string).toString() !== 'NaN';
const searchable = (v: unknown): v is string | unknown[] => typeof v === 'string' || Array.isArray(v);
const indexIn = (list: string | unknown[], x: unknown) => (list as unknown[]).indexOf(x as never);

export const builtinOperators: Record<string, Operator> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => searchable(b) && indexIn(b, a) > -1,
  notIn: (a, b) => searchable(b) && indexIn(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
};
