// Loading and compiling a policy in the worker, memoised on the text (the last few): a policy is compiled once
// per source and reused by every evaluation of it (the scrubber evaluates many times a second).
import { compilePolicy, loadPolicy, SlaError, type CompiledPolicy, type Diagnostic, type LoadedPolicy } from '../../../engine/core.ts';
import { parseDsl } from '../../../dsl/index.ts';
import type { PolicyText, RuleSpans } from './protocol.ts';

export interface Checked {
  diagnostics: Diagnostic[];
  loaded?: LoadedPolicy;
  compiled?: CompiledPolicy;
  spans?: RuleSpans;
}

function ruleSpans(loaded: LoadedPolicy): RuleSpans {
  const spans: RuleSpans = {};
  const put = (key: string, pointer: string) => {
    const at = loaded.locate(pointer);
    if (at) spans[key] = at;
  };
  loaded.ir.deadlines?.forEach((d, i) => put(`deadline:${d.id}`, `/deadlines/${i}`));
  loaded.ir.entitlements?.forEach((e, i) => put(`entitlement:${e.id}`, `/entitlements/${i}`));
  loaded.ir.credits?.forEach((c, i) => put(`credit:${c.id}`, `/credits/${i}`));
  if (loaded.ir.refund) put('refund', '/refund');
  return spans;
}

const fileOf = (p: PolicyText) => (p.format === 'dsl' ? 'policy.sla' : 'policy.yaml');

// a few recent texts: comparing two versions alternates between them
const recent = new Map<string, Checked>();
const RECENT = 4;

/** Parse, schema, references and compile: every diagnostic, and the compiled policy when it checks. */
export function checkAndCompile(p: PolicyText): Checked {
  const key = `${p.format}\n${p.source}`;
  const hit = recent.get(key);
  if (hit) return hit;
  let checked: Checked;
  try {
    const loaded = loadPolicy({ source: p.source, file: fileOf(p), format: p.format }, { parseDsl });
    checked = { diagnostics: loaded.warnings, loaded, compiled: compilePolicy(loaded), spans: ruleSpans(loaded) };
  } catch (e) {
    if (!(e instanceof SlaError)) throw e;
    checked = { diagnostics: e.diagnostics };
  }
  recent.set(key, checked);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return checked;
}
