// The compiler: named, ordered stages over the IR, each able to report diagnostics, the rules
// emitted last. A stage that finds an error stops the pipeline; its diagnostics carry JSON
// pointers into the policy.
import type { RuleProperties } from 'json-rules-engine';
import { buildCalendars } from '../calendar/index.ts';
import { capDiagnostics, hasErrors, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import { policyValidator } from '../ir/policy-validator.ts';
import type { Policy } from '../ir/schema.ts';
import type { CompiledPolicy, LoadedPolicy } from '../policy-types.ts';
import { checkNumbers } from './check-numbers.ts';
import { checkPolicy } from './check-policy.ts';
import { emitRules } from './emit-rules.ts';
import { explainNestedAny } from './nested-any.ts';
import { schemaDiagnostics } from './validate-schema.ts';

export interface Stage {
  name: 'schema' | 'references' | 'calendars' | 'rules';
  /** what the stage finds wrong; `out` receives what it produces */
  run(policy: Policy, out: { rules?: RuleProperties[] }): Diagnostic[];
}

export const stages: readonly Stage[] = [
  // the schema, and what it cannot say: a clear error for `any` in `any`, numbers answers carry exactly
  { name: 'schema', run: (policy) => [...explainNestedAny(policy, schemaDiagnostics(policyValidator(), policy)), ...checkNumbers(policy)] },
  { name: 'references', run: (policy) => checkPolicy(policy) },
  {
    name: 'calendars',
    run: (policy) => {
      try {
        buildCalendars(policy.calendars, policy.zone);
        return [];
      } catch (e) {
        if (e instanceof SlaError) return e.diagnostics;
        throw e;
      }
    },
  },
  {
    name: 'rules',
    run: (policy, out) => {
      out.rules = emitRules(policy);
      return [];
    },
  },
];

/** The stages that judge a policy: all but the last, which emits its rules. */
const checking = stages.filter((s) => s.name !== 'rules');
const emitting = stages.filter((s) => s.name === 'rules');

/** Runs stages in order up to the first that finds an error; returns every diagnostic seen. */
export function runStages(policy: Policy, which: readonly Stage[] = checking, out: { rules?: RuleProperties[] } = {}): Diagnostic[] {
  const seen: Diagnostic[] = [];
  for (const stage of which) {
    seen.push(...stage.run(policy, out));
    if (hasErrors(seen)) break;
  }
  return seen;
}

const produced = new WeakSet<object>();
/** Whether `compiled` is an object compilePolicy returned (not JSON from elsewhere). */
export const compiledHere = (compiled: object) => produced.has(compiled);

/** IR → plain JSON json-rules-engine rules plus what the runtime needs beside them. */
export function compilePolicy(input: LoadedPolicy | Policy): CompiledPolicy {
  const loaded = 'kind' in input && input.kind === 'loaded' ? (input as LoadedPolicy) : undefined;
  const policy = loaded ? loaded.ir : (input as Policy);
  // A loaded policy has passed the checking stages already.
  const out: { rules?: RuleProperties[] } = {};
  const ds = runStages(policy, loaded ? emitting : stages, out);
  if (hasErrors(ds) || !out.rules) throw new SlaError(capDiagnostics(ds.filter((d) => d.severity === 'error')));
  const { $schema: _schema, ...rest } = policy;
  const compiled: CompiledPolicy = { kind: 'compiled', format: 'sla-compiled/1', policy: rest, rules: out.rules };
  produced.add(compiled);
  return compiled;
}
