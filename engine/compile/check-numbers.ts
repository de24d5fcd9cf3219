// Part of the schema stage: every number in the policy (defaults, limits, costs, percents,
// multipliers, thresholds) is one the answers can carry exactly (engine/ir/number-limits.ts).
import { numberOutOfRange, type Diagnostic } from '../diagnostics/index.ts';
import { numberProblem } from '../ir/number-limits.ts';
import { pointerPart } from '../ir/json-pointer.ts';

interface Place {
  value: unknown;
  key: string;
  parent?: Place;
}

/** The JSON pointer of a place, built only for a number found wrong. */
const pointerOf = (p: Place): string => (p.parent ? `${pointerOf(p.parent)}/${pointerPart(p.key)}` : '');

export function checkNumbers(policy: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: Place[] = [{ value: policy, key: '' }];
  while (stack.length) {
    const place = stack.pop()!;
    const { value } = place;
    if (typeof value === 'number' && Number.isFinite(value)) {
      const problem = numberProblem(value);
      if (problem) out.push(numberOutOfRange(problem, pointerOf(place)));
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, key: String(i), parent: place }));
    else if (typeof value === 'object' && value !== null)
      for (const k in value) if (Object.hasOwn(value, k)) stack.push({ value: (value as Record<string, unknown>)[k], key: k, parent: place });
  }
  return out.reverse();
}
