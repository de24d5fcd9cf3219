// The compiler: named, ordered stages, each able to report diagnostics. A stage that finds an
// error stops the pipeline; its diagnostics carry JSON pointers into the policy.
import { buildCalendars } from '../calendar/index.ts';
import { diagnostic, hasErrors, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import { policyValidator } from '../ir/policy-validator.ts';
import type { Policy } from '../ir/schema.ts';
import type { CompiledPolicy, LoadedPolicy } from '../policy-types.ts';
import { schemaDiagnostics } from '../source/validate-schema.ts';
import { checkPolicy } from './check-policy.ts';
import { emitRules } from './emit-rules.ts';

interface StageState {
  policy: Policy;
  compiled?: CompiledPolicy;
}

export interface Stage {
  name: string;
  run(state: StageState): Diagnostic[];
}

export const stages: Stage[] = [
  { name: 'schema', run: ({ policy }) => schemaDiagnostics(policyValidator(), policy) },
  { name: 'check', run: ({ policy }) => checkPolicy(policy) },
  {
    name: 'calendars',
    run: ({ policy }) => {
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
    run: (state) => {
      const { $schema: _s, ...policy } = state.policy;
      state.compiled = { kind: 'compiled', format: 'sla-compiled/1', policy, rules: emitRules(state.policy) };
      return [];
    },
  },
];

/** IR → plain JSON json-rules-engine rules plus what the runtime needs beside them. */
export function compilePolicy(input: LoadedPolicy | Policy): CompiledPolicy {
  const loaded = 'kind' in input && input.kind === 'loaded' ? (input as LoadedPolicy) : undefined;
  const state: StageState = { policy: loaded ? loaded.ir : (input as Policy) };
  for (const stage of stages) {
    // A loaded policy has passed schema, check and calendars already.
    if (loaded && stage.name !== 'rules') continue;
    const ds = stage.run(state);
    if (hasErrors(ds))
      throw new SlaError(ds.map((d) => {
        const at = loaded && d.path ? loaded.locate(d.path) : undefined;
        return { ...d, ...(loaded?.file ? { file: loaded.file } : {}), ...(at ?? {}) };
      }));
  }
  if (!state.compiled) throw new SlaError([diagnostic('SLA3001', 'the policy produced no rules')]);
  return state.compiled;
}
