// The policy editor: a bundled policy to start from, YAML or DSL, and the check's findings.
import { batch } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { Diagnostic } from '../../../engine/core.ts';
import { bundledPolicies } from '../bundled.ts';
import { convertPolicy, formatPolicy } from '../engine-client.ts';
import { caseSource, checking, policyDiagnostics, policyFormat, policyId, policySource } from '../state.ts';
import type { PolicyFormat } from '../worker/protocol.ts';
import { Editor } from './Editor.tsx';
import { editors } from './editors.ts';

function pickPolicy(id: string) {
  const p = bundledPolicies.find((b) => b.id === id);
  if (!p) return;
  batch(() => {
    policyId.value = id;
    policySource.value = p.sources[policyFormat.value];
    caseSource.value = p.exampleCase;
  });
}

export function reveal(editor: string, d: Pick<Diagnostic, 'line' | 'column'>) {
  const e = editors[editor];
  if (!e) return;
  const at = { lineNumber: d.line ?? 1, column: d.column ?? 1 };
  e.revealLineInCenter(at.lineNumber);
  e.setPosition(at);
  e.focus();
}

export function DiagnosticList({ items, editor }: { items: Diagnostic[]; editor: string }) {
  if (!items.length) return null;
  return (
    <ul class="diagnostics" data-testid={`${editor}-diagnostics`}>
      {items.map((d) => (
        <li class={d.severity} onClick={() => reveal(editor, d)}>
          <span class="where">
            {d.line}:{d.column}
          </span>{' '}
          <span class="code">{d.code}</span> {d.message}
          {d.help && <span class="help"> — {d.help}</span>}
        </li>
      ))}
    </ul>
  );
}

export function PolicyPane() {
  const [convertError, setConvertError] = useState<string>();
  const format = policyFormat.value;
  async function switchTo(to: PolicyFormat) {
    if (to === format) return;
    const r = await convertPolicy({ kind: 'convert', policy: { source: policySource.value, format }, to });
    if (r.source === undefined) {
      setConvertError(`fix the ${r.diagnostics.length} error(s) first: only a policy that checks converts`);
      return;
    }
    setConvertError(undefined);
    batch(() => {
      policyFormat.value = to;
      policySource.value = r.source!;
    });
  }
  async function format_() {
    const r = await formatPolicy(policySource.value);
    if (r.text === undefined) setConvertError('fix the errors first: only a policy that parses is formatted');
    else {
      setConvertError(undefined);
      policySource.value = r.text;
    }
  }
  const errors = policyDiagnostics.value.filter((d) => d.severity === 'error').length;
  return (
    <section class="pane policy">
      <header>
        <label>
          Policy{' '}
          <select aria-label="bundled policy" value={policyId.value} onChange={(e) => pickPolicy(e.currentTarget.value)}>
            {policyId.value === '' && <option value="">(edited)</option>}
            {bundledPolicies.map((p) => (
              <option value={p.id}>{p.id}</option>
            ))}
          </select>
        </label>
        <span class="toggle" role="group" aria-label="policy form">
          {(['yaml', 'dsl'] as const).map((f) => (
            <button class={f === format ? 'on' : ''} aria-pressed={f === format} onClick={() => switchTo(f)}>
              {f === 'yaml' ? 'YAML' : 'DSL'}
            </button>
          ))}
        </span>
        {format === 'dsl' && <button onClick={format_}>format</button>}
        <span class="status" data-testid="policy-status">
          {checking.value ? 'checking…' : errors ? `${errors} error${errors > 1 ? 's' : ''}` : 'checks'}
        </span>
      </header>
      {convertError && <p class="note error">{convertError}</p>}
      <Editor name="policy" />
      <DiagnosticList items={policyDiagnostics.value} editor="policy" />
    </section>
  );
}
