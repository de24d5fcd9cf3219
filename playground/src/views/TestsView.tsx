// The policy's test file run in the browser against the policy being edited, as `sla test` runs it.
import { useState } from 'preact/hooks';
import { bundledPolicies } from '../bundled.ts';
import { runTests } from '../engine-client.ts';
import { stringify } from 'yaml';
import type { Answer } from '../../../engine/core.ts';
import { caseValue } from '../case-edit.ts';
import { answer, caseSource, policyFormat, policyId, policySource } from '../state.ts';
import type { TestsResult } from '../worker/protocol.ts';

/** The current case with its current answer as the expectation: a test to edit and keep. */
function asTestFile(policy: string, kase: unknown, a: Answer): string {
  const opt = <T,>(k: string, v: T | undefined) => (v === undefined ? {} : { [k]: v });
  const expect = {
    deadlines: a.deadlines.map((d) => ({ id: d.id, ...opt('subject', d.subject), status: d.status, due: d.due })),
    entitlements: a.entitlements.map((e) => ({ id: e.id, ...opt('subject', e.subject), allowed: e.allowed, ...opt('remaining', e.remaining) })),
    ...(a.refund ? { refund: { eligible: a.refund.eligible, percent: a.refund.percent, amount: a.refund.amount } } : {}),
    ...(a.credits.length ? { credits: a.credits.map((c) => ({ id: c.id, amount: c.amount })) } : {}),
  };
  return stringify({ policy, cases: [{ name: `${policy} at ${a.at}`, case: kase, expect }] }, { flowCollectionPadding: true, lineWidth: 0 });
}

export function TestsView() {
  const bundled = bundledPolicies.find((p) => p.id === policyId.value)?.tests;
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<TestsResult>();
  const [running, setRunning] = useState(false);
  const tests = pasted.trim() ? pasted : bundled;
  async function run() {
    if (!tests) return;
    setRunning(true);
    try {
      setResult(await runTests({ kind: 'tests', policy: { source: policySource.value, format: policyFormat.value }, tests }));
    } finally {
      setRunning(false);
    }
  }
  const passed = result?.outcomes.filter((o) => o.passed).length ?? 0;
  const failed = (result?.outcomes.length ?? 0) - passed;
  return (
    <div class="tables" data-testid="tests">
      <div class="tests-bar">
        <button onClick={run} disabled={!tests || running}>
          {running ? 'running…' : pasted.trim() ? 'run the pasted tests' : `run ${policyId.value}.test.yaml`}
        </button>
        {result && (
          <strong data-testid="tests-summary" class={failed ? 'bad' : 'ok'}>
            {passed} passed, {failed} failed
          </strong>
        )}
      </div>
      <details open={pasted !== ''}>
        <summary>paste another test file</summary>
        <button
          disabled={!answer.value}
          onClick={() => {
            const kase = caseValue(caseSource.value);
            if (answer.value && kase) setPasted(asTestFile(policyId.value || answer.value.policy.id, kase, answer.value));
          }}
        >
          the current case as a test
        </button>
        <textarea
          aria-label="test file"
          rows={8}
          value={pasted}
          onInput={(e) => setPasted(e.currentTarget.value)}
          placeholder="policy: …&#10;cases:&#10;  - name: …"
        />
      </details>
      {result?.diagnostics.map((d) => (
        <p class="note error">
          {d.line}:{d.column} {d.code} {d.message}
        </p>
      ))}
      <ul class="outcomes">
        {result?.outcomes.map((o) => (
          <li class={o.passed ? 'passed' : 'failed'}>
            {o.passed ? '✓' : '✗'} {o.name}
            {o.mismatches.map((m) => (
              <pre>{m.join('\n')}</pre>
            ))}
            {o.diagnostics.map((d) => (
              <pre>
                {d.code} {d.message}
              </pre>
            ))}
            {o.error && <pre>{o.error}</pre>}
          </li>
        ))}
      </ul>
    </div>
  );
}
