// Loading and compiling a policy in the worker, memoised on the text: a policy is compiled once
// per source and reused by every evaluation of it (the scrubber evaluates many times a second).
import { compilePolicy, loadPolicy, SlaError, type CompiledPolicy, type Diagnostic, type LoadedPolicy } from '../../../engine/core.ts';
import { parseDsl } from '../../../dsl/index.ts';
import type { PolicyText } from './protocol.ts';

export interface Checked {
  diagnostics: Diagnostic[];
  loaded?: LoadedPolicy;
  compiled?: CompiledPolicy;
}

const fileOf = (p: PolicyText) => (p.format === 'dsl' ? 'policy.sla' : 'policy.yaml');

let last: { key: string; checked: Checked } | undefined;

/** Parse, schema, references and compile: every diagnostic, and the compiled policy when it checks. */
export function checkAndCompile(p: PolicyText): Checked {
  const key = `${p.format}\n${p.source}`;
  if (last?.key === key) return last.checked;
  let checked: Checked;
  try {
    const loaded = loadPolicy({ source: p.source, file: fileOf(p), format: p.format }, { parseDsl });
    checked = { diagnostics: loaded.warnings, loaded, compiled: compilePolicy(loaded) };
  } catch (e) {
    if (!(e instanceof SlaError)) throw e;
    checked = { diagnostics: e.diagnostics };
  }
  last = { key, checked };
  return checked;
}
