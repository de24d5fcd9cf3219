// The numbers a policy or a case may hold. Answers are JSON numbers (IEEE doubles): money rounded
// to cents, sums of hours and counts must stay exact, so every number is bounded well inside 2^53
// (9.0e15): a value up to 10^11 in cents is 10^13, and a sum of 50 000 such values stays exact.
export const MAX_MAGNITUDE = 1e11;

/** Why the finite number `v` is not one a policy or case may hold, or undefined when it is one
 *  (NaN and infinities are refused where a value's type is checked). */
export function numberProblem(v: number): string | undefined {
  if (Math.abs(v) > MAX_MAGNITUDE)
    return `${v} is out of range: numbers are at most ${MAX_MAGNITUDE.toLocaleString('en-US')} in magnitude, so that money in cents and sums stay exact`;
  return undefined;
}
