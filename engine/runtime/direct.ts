// A plain evaluator of compiled rule conditions, with the same facts and operators the engine
// registers. The runtime uses it where one answer depends on another (`{ entitlement: …}`
// conditions); tests use it as the reference the engine's results are compared with.
import type { NestedCondition, TopLevelCondition } from 'json-rules-engine';
import { SlaError, unknownOperator } from '../diagnostics/index.ts';
import { readFact } from './facts.ts';
import { builtinOperators, customOperators } from './operators.ts';
import type { Runtime } from './runtime.ts';

type AnyCondition = TopLevelCondition | NestedCondition;
interface Leaf {
  fact: string;
  params?: unknown;
  operator: string;
  value: unknown;
}

/** Every condition of a list is evaluated (as the engine does), then combined. */
function every(rt: Runtime, list: AnyCondition[]): boolean {
  let all = true;
  for (const x of list) all = evaluateCondition(rt, x) && all;
  return all;
}

function some(rt: Runtime, list: AnyCondition[]): boolean {
  let any = false;
  for (const x of list) any = evaluateCondition(rt, x) || any;
  return any;
}

export function evaluateCondition(rt: Runtime, c: AnyCondition): boolean {
  if ('all' in c && c.all) return every(rt, c.all);
  if ('any' in c && c.any) return some(rt, c.any);
  if ('not' in c && c.not) return !evaluateCondition(rt, c.not);
  const leaf = c as unknown as Leaf;
  const seen = readFact(rt, leaf.fact, leaf.params);
  const v = leaf.value as { fact?: string; params?: unknown } | unknown;
  const expected =
    typeof v === 'object' && v !== null && !Array.isArray(v) && 'fact' in v
      ? readFact(rt, String((v as { fact: string }).fact), (v as { params?: unknown }).params)
      : v;
  const op = customOperators[leaf.operator] ?? builtinOperators[leaf.operator];
  if (!op) throw new SlaError([unknownOperator(leaf.operator)]);
  return op(seen, expected);
}
