// The policy's test file run in the browser against the policy being edited, as `sla test` runs it.
import { useState } from 'preact/hooks';
import { bundledPolicies } from '../bundled.ts';
import { runTests } from '../engine-client.ts';
import { stringify } from 'yaml';
import type { Answer } from '../../../engine/core.ts';
import { caseValue } from '../case-edit.ts';
import { answer, caseSource, coverage, policyFormat, policyId, policySource } from '../state.ts';
import { SHADE_LABEL } from '../monaco/coverage-shading.ts';
import type { Ratio } from '../../../engine/analysis/index.ts';
import type { CoverageShade, TestsResult } from '../worker/protocol.ts';

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
      const policy = { source: policySource.value, format: policyFormat.value };
      const r = await runTests({ kind: 'tests', policy, tests });
      setResult(r);
      coverage.value = r.coverage && { ...r.coverage, ...policy };
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
      {result?.coverage && <CoverageLegend totals={result.coverage.totals} />}
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

const percent = (r: Ratio) => (r.total ? `${Math.floor((100 * r.covered) / r.total)} %` : '—');

/** What the policy editor's shading means, and the figures `sla test --coverage` reports. */
function CoverageLegend({ totals }: { totals: NonNullable<TestsResult['coverage']>['totals'] }) {
  const figures: [string, Ratio][] = [
    ['clauses', totals.clauses],
    ['rules both ways', totals.rules],
    ['conditions both ways', totals.conditions],
    ['outcomes', totals.outcomes],
  ];
  return (
    <div class="coverage-legend" data-testid="coverage">
      {(Object.keys(SHADE_LABEL) as CoverageShade[]).map((s) => (
        <span>
          <span class={`swatch coverage-${s}`} />
          {SHADE_LABEL[s]}
        </span>
      ))}
      {figures.map(([name, r]) => (
        <span class="figure" data-figure={name}>
          {name} {percent(r)} ({r.covered}/{r.total})
        </span>
      ))}
    </div>
  );
}
