// The one module that teaches a json-rules-engine Engine our facts and operators, so compiled
// rules reloaded from JSON into a stock Engine evaluate exactly as the evaluator does.
import { Engine, type RuleProperties } from 'json-rules-engine';
import { RUNTIME_FACT, runtimeFacts } from './facts.ts';
import { customOperators } from './operators.ts';
import { safePathResolver } from './path-resolver.ts';
import type { Runtime } from './runtime.ts';

export function registerRuntime(engine: Engine): Engine {
  // The Runtime memoises what is costly (deadlines, counters, credits); json-rules-engine's own fact
  // cache would hash every fact's params on every run, which costs more than it saves here.
  for (const [id, fn] of Object.entries(runtimeFacts))
    engine.addFact(id, async (params, almanac) => fn(params, (await almanac.factValue(RUNTIME_FACT)) as Runtime), { cache: false });
  for (const [name, op] of Object.entries(customOperators)) engine.addOperator(name, op);
  return engine;
}

export function createEngine(rules: RuleProperties[]): Engine {
  // Our facts never throw for "undefined": every declared case fact is passed (null when absent).
  return registerRuntime(new Engine(rules, { allowUndefinedFacts: false, pathResolver: safePathResolver }));
}

export { runFacts } from './run-facts.ts';
