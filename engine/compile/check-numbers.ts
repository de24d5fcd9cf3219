// Part of the schema stage: every number in the policy (defaults, limits, costs, percents,
// multipliers, thresholds) is one the answers can carry exactly (engine/ir/number-limits.ts).
import { numberOutOfRange, type Diagnostic } from '../diagnostics/index.ts';
import { numberProblem } from '../ir/number-limits.ts';
import { pointerPart } from '../ir/json-pointer.ts';

export function checkNumbers(policy: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  // the places still to look at, as parallel stacks (a walk of every value of the policy allocates
  // nothing per value): the value, its key in its parent, and its parent's index in `seen`
  const values: unknown[] = [policy];
  const keys: (string | number)[] = [''];
  const parents: number[] = [-1];
  // every container looked at, with its key and parent, for the pointer of a number found wrong
  const seenKeys: (string | number)[] = [];
  const seenParents: number[] = [];
  const pointerOf = (key: string | number, parent: number): string => {
    let p = `/${pointerPart(key)}`;
    for (let i = parent; i > 0; i = seenParents[i]) p = `/${pointerPart(seenKeys[i])}${p}`;
    return p;
  };
  while (values.length) {
    const value = values.pop();
    const key = keys.pop()!;
    const parent = parents.pop()!;
    if (typeof value === 'number') {
      const problem = Number.isFinite(value) ? numberProblem(value) : undefined;
      if (problem) out.push(numberOutOfRange(problem, parent < 0 ? '' : pointerOf(key, parent)));
    } else if (typeof value === 'object' && value !== null) {
      const at = seenKeys.push(key) - 1;
      seenParents.push(parent);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
          if (i in value) {
            values.push(value[i]);
            keys.push(i);
            parents.push(at);
          }
      } else
        for (const k in value)
          if (Object.hasOwn(value, k)) {
            values.push((value as Record<string, unknown>)[k]);
            keys.push(k);
            parents.push(at);
          }
    }
  }
  return out.reverse();
}
