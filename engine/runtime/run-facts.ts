// What one evaluation passes to a json-rules-engine run: the Runtime and the case's declared facts.
import { RUNTIME_FACT } from './facts.ts';
import type { Runtime } from './runtime.ts';

/** The run-time facts of one evaluation: the Runtime and the case's declared facts. */
export function runFacts(rt: Runtime): Record<string, unknown> {
  const facts: Record<string, unknown> = { [RUNTIME_FACT]: rt };
  for (const name of Object.keys(rt.policy.facts ?? {})) facts[name] = Object.hasOwn(rt.kase.facts, name) ? rt.kase.facts[name] : null;
  return facts;
}
