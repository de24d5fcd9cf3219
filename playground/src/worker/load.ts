// Loading and compiling a policy in the worker, memoised on the text (the last few): a policy is compiled once
// per source and reused by every evaluation of it (the scrubber evaluates many times a second).
import { compilePolicy, loadPolicy, SlaError, type CompiledPolicy, type Diagnostic, type LoadedPolicy, type Position } from '../../../engine/core.ts';
import { parseDsl } from '../../../dsl/index.ts';
import { lintPolicy } from '../../../engine/analysis/index.ts';
import type { PolicyText } from './protocol.ts';

export interface Checked {
  diagnostics: Diagnostic[];
  loaded?: LoadedPolicy;
  compiled?: CompiledPolicy;
}

/** Where a rule is written: asked for when the user follows a link to it, not after each keystroke, since
 *  a YAML policy read on the fast path builds its positions only when one is first asked for. */
export function ruleSpan(loaded: LoadedPolicy, rule: string): Position | undefined {
  if (rule === 'refund') return loaded.ir.refund ? loaded.locate('/refund') : undefined;
  const cut = rule.indexOf(':');
  const [kind, id] = [rule.slice(0, cut), rule.slice(cut + 1)];
  const list = kind === 'deadline' ? loaded.ir.deadlines : kind === 'entitlement' ? loaded.ir.entitlements : kind === 'credit' ? loaded.ir.credits : undefined;
  const i = list?.findIndex((r) => r.id === id) ?? -1;
  return i < 0 ? undefined : loaded.locate(`/${kind}s/${i}`);
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
    checked = { diagnostics: loaded.warnings, loaded, compiled: compilePolicy(loaded) };
  } catch (e) {
    if (!(e instanceof SlaError)) throw e;
    checked = { diagnostics: e.diagnostics };
  }
  recent.set(key, checked);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return checked;
}

const linted = new WeakMap<Checked, Promise<Diagnostic[]>>();

/** The check's diagnostics and, for a policy that compiles, its lint warnings (once per text). */
export function diagnosticsOf(checked: Checked): Promise<Diagnostic[]> {
  if (!checked.loaded) return Promise.resolve(checked.diagnostics);
  let all = linted.get(checked);
  if (!all) {
    all = lintPolicy(checked.loaded).then((lint) => [...checked.diagnostics, ...lint]);
    linted.set(checked, all);
  }
  return all;
}
