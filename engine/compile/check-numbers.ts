// Part of the schema stage: every number in the policy (defaults, limits, costs, percents,
// multipliers, thresholds) is one the answers can carry exactly (engine/ir/number-limits.ts).
import { numberOutOfRange, type Diagnostic } from '../diagnostics/index.ts';
import { numberProblem } from '../ir/number-limits.ts';
import { pointerPart } from '../ir/json-pointer.ts';

export function checkNumbers(policy: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: policy, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number' && Number.isFinite(value)) {
      const problem = numberProblem(value);
      if (problem) out.push(numberOutOfRange(problem, path));
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: `${path}/${i}` }));
    else if (typeof value === 'object' && value !== null)
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}/${pointerPart(k)}` });
  }
  return out.reverse();
}
