// Re-checks and re-evaluates, debounced, whenever the policy, the case or the language changes.
import { effect } from '@preact/signals';
import { runCase } from './engine-client.ts';
import { answer, caseDiagnostics, caseSource, checking, declarations, failure, lang, policyDiagnostics, policyFormat, policySource } from './state.ts';

const DEBOUNCE_MS = 150;

export function startRunning(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return effect(() => {
    const req = { kind: 'run' as const, policy: { source: policySource.value, format: policyFormat.value }, case: caseSource.value, lang: lang.value };
    clearTimeout(timer);
    checking.value = true;
    timer = setTimeout(async () => {
      try {
        const r = await runCase(req);
        if (!r) return; // overtaken by a later edit
        policyDiagnostics.value = r.policy;
        caseDiagnostics.value = r.case;
        if (r.declarations) declarations.value = r.declarations;
        answer.value = r.answer;
        failure.value = undefined;
      } catch (e) {
        failure.value = e instanceof Error ? e.message : String(e);
      }
      checking.value = false;
    }, DEBOUNCE_MS);
  });
}
