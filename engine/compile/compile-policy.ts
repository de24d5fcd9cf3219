// The compiler: named, ordered stages, each able to report diagnostics. A stage that finds an
// error stops the pipeline; its diagnostics carry JSON pointers into the policy.
import { buildCalendars } from '../calendar/index.ts';
import { hasErrors, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import { policyValidator } from '../ir/policy-validator.ts';
import type { Policy } from '../ir/schema.ts';
import type { CompiledPolicy, LoadedPolicy } from '../policy-types.ts';
import { schemaDiagnostics } from './validate-schema.ts';
import { checkPolicy } from './check-policy.ts';
import { emitRules } from './emit-rules.ts';

export interface Stage {
  name: string;
  run(policy: Policy): Diagnostic[];
}

/** The stages that judge a policy; `emitRules` then turns a policy that passed them into rules. */
export const stages: Stage[] = [
  { name: 'schema', run: (policy) => schemaDiagnostics(policyValidator(), policy) },
  { name: 'check', run: (policy) => checkPolicy(policy) },
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
];

/** Runs the stages in order up to the first that finds an error; returns every diagnostic seen. */
export function runStages(policy: Policy): Diagnostic[] {
  const seen: Diagnostic[] = [];
  for (const stage of stages) {
    seen.push(...stage.run(policy));
    if (hasErrors(seen)) break;
  }
  return seen;
}

/** IR → plain JSON json-rules-engine rules plus what the runtime needs beside them. */
export function compilePolicy(input: LoadedPolicy | Policy): CompiledPolicy {
  const loaded = 'kind' in input && input.kind === 'loaded' ? (input as LoadedPolicy) : undefined;
  const policy = loaded ? loaded.ir : (input as Policy);
  // A loaded policy has passed the stages already.
  if (!loaded) {
    const ds = runStages(policy);
    if (hasErrors(ds)) throw new SlaError(ds.filter((d) => d.severity === 'error'));
  }
  const { $schema: _schema, ...rest } = policy;
  return { kind: 'compiled', format: 'sla-compiled/1', policy: rest, rules: emitRules(policy) };
}
