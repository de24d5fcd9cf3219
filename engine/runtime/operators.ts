// Operators: json-rules-engine's built-ins (mirrored for the direct evaluator) and ours, which
// compare instants and limits where "unknown" (null) must never compare as a number.
export type Operator = (factValue: unknown, value: unknown) => boolean;

const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const customOperators: Record<string, Operator> = {
  isKnown: (a, want) => (a !== null && a !== undefined) === want,
  instantAfter: (a, b) => known(a) && known(b) && a > b,
  instantAtOrBefore: (a, b) => known(a) && known(b) && a <= b,
  /** counted uses: allowed while used < limit; a null limit is unlimited */
  underLimit: (used, limit) => known(used) && (limit === null || (known(limit) && used < limit)),
  /** capacity: allowed while used ≤ limit */
  withinLimit: (used, limit) => known(used) && (limit === null || (known(limit) && used <= limit)),
  notEmpty: (a, want) => (Array.isArray(a) && a.length > 0) === want,
};

/** The built-in operators of json-rules-engine 7, with its number validation. */
export const builtinOperators: Record<string, Operator> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => Array.isArray(b) && b.includes(a),
  notIn: (a, b) => Array.isArray(b) && !b.includes(a),
  contains: (a, b) => Array.isArray(a) && a.includes(b),
  doesNotContain: (a, b) => Array.isArray(a) && !a.includes(b),
  lessThan: (a, b) => typeof a === 'number' && a < (b as number),
  lessThanInclusive: (a, b) => typeof a === 'number' && a <= (b as number),
  greaterThan: (a, b) => typeof a === 'number' && a > (b as number),
  greaterThanInclusive: (a, b) => typeof a === 'number' && a >= (b as number),
};
