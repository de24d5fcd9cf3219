// A compiled policy is plain JSON that may have been stored, sent or edited by hand: before it is
// run, its IR passes the same stages as a source policy, and every rule asks only for facts and
// operators the runtime has (json-rules-engine would otherwise fail mid-run with a plain Error).
import { malformedCompiled, unknownCompiledFact, unknownOperator, type Diagnostic } from '../diagnostics/index.ts';
import type { Policy } from '../ir/schema.ts';
import { runtimeFacts } from '../runtime/facts.ts';
import { builtinOperators, customOperators } from '../runtime/operators.ts';
import { compiledHere, runStages } from '../compile/compile-policy.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkCompiled(compiled: unknown): Diagnostic[] {
  const bad = (path: string, message: string) => [malformedCompiled(message, path)];
  if (!isObject(compiled) || compiled.kind !== 'compiled' || compiled.format !== 'sla-compiled/1')
    return bad('', 'not a compiled policy (`kind: compiled`, `format: sla-compiled/1`)');
  if (!isObject(compiled.policy)) return bad('/policy', 'a compiled policy needs `policy`, the policy IR');
  if (!Array.isArray(compiled.rules)) return bad('/rules', 'a compiled policy needs `rules`, a list');
  // The IR of a policy compiled in this process has passed the stages already.
  if (!compiledHere(compiled)) {
    const stages = runStages(compiled.policy as Policy).map((d) => (d.path !== undefined ? { ...d, path: `/policy${d.path}` } : d));
    if (stages.some((d) => d.severity === 'error')) return stages;
  }

  const out: Diagnostic[] = [];
  const facts = new Set([...Object.keys(runtimeFacts), ...Object.keys((compiled.policy as Policy).facts ?? {})]);
  const fact = (name: unknown, path: string) => {
    if (typeof name !== 'string' || !facts.has(name)) out.push(unknownCompiledFact(name, path));
  };
  const condition = (c: unknown, path: string, depth: number): void => {
    if (!isObject(c) || depth > 16) return void out.push(malformedCompiled('a condition must be a mapping', path));
    for (const key of ['all', 'any'] as const)
      if (key in c) {
        if (!Array.isArray(c[key])) return void out.push(malformedCompiled(`\`${key}\` must be a list of conditions`, `${path}/${key}`));
        return (c[key] as unknown[]).forEach((x, i) => condition(x, `${path}/${key}/${i}`, depth + 1));
      }
    if ('not' in c) return condition(c.not, `${path}/not`, depth + 1);
    fact(c.fact, `${path}/fact`);
    const op = c.operator;
    if (typeof op !== 'string' || !(Object.hasOwn(builtinOperators, op) || Object.hasOwn(customOperators, op)))
      out.push(unknownOperator(op, `${path}/operator`));
    if (isObject(c.value) && 'fact' in c.value) fact(c.value.fact, `${path}/value/fact`);
  };
  compiled.rules.forEach((r, i) => {
    if (!isObject(r) || typeof r.name !== 'string' || !isObject(r.event))
      return void out.push(malformedCompiled('a rule needs a `name`, `conditions` and an `event`', `/rules/${i}`));
    condition(r.conditions, `/rules/${i}/conditions`, 0);
  });
  return out;
}
