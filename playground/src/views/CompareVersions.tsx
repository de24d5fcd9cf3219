// Version vs version: the edited policy against the bundled one it started from, on the same case —
// a diff of the sources (the right side is the policy being edited), what the edit means in the
// policy's terms, and how it changes the case's answer.
import 'monaco-editor/features/diffEditor/register';
import { useEffect, useRef, useState } from 'preact/hooks';
import { bundledPolicies } from '../bundled.ts';
import { compareVersions } from '../engine-client.ts';
import { policyModel } from '../models.ts';
import { DSL_LANGUAGE_ID, monaco } from '../monaco/setup.ts';
import { caseSource, lang, policyFormat, policyId, policySource } from '../state.ts';
import type { PolicyFormat, VersionsResult } from '../worker/protocol.ts';

const originals = new Map<string, monaco.editor.ITextModel>();

/** The bundled text as a read-only model beside the policy's (so its schema modeline resolves too). */
function original(id: string, format: PolicyFormat, text: string): monaco.editor.ITextModel {
  const key = `${id}.${format}`;
  let m = originals.get(key);
  if (!m) {
    m = monaco.editor.createModel(
      text,
      format === 'yaml' ? 'yaml' : DSL_LANGUAGE_ID,
      monaco.Uri.parse(`file:///playground/bundled-${id}.${format === 'yaml' ? 'yaml' : 'sla'}`),
    );
    originals.set(key, m);
  }
  return m;
}

export function CompareVersions() {
  const bundled = bundledPolicies.find((p) => p.id === policyId.value);
  const format = policyFormat.value;
  const host = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<VersionsResult>();
  const source = policySource.value;
  const kase = caseSource.value;
  const language = lang.value;
  const other = bundled?.sources[format];

  useEffect(() => {
    if (!bundled || other === undefined) return;
    const diff = monaco.editor.createDiffEditor(host.current!, {
      automaticLayout: true,
      originalEditable: false,
      renderSideBySide: true,
      minimap: { enabled: false },
      fontSize: 12,
    });
    diff.setModel({ original: original(bundled.id, format, other), modified: policyModel(format) });
    // the sources are long: show the first difference
    const shown = diff.onDidUpdateDiff(() => {
      const first = diff.getLineChanges()?.[0];
      if (first) diff.getModifiedEditor().revealLineInCenter(Math.max(first.modifiedStartLineNumber, 1));
    });
    return () => {
      shown.dispose();
      diff.dispose();
    };
  }, [bundled?.id, format]);

  useEffect(() => {
    if (other === undefined) return;
    const timer = setTimeout(async () => {
      const r = await compareVersions({ kind: 'versions', policy: { source, format }, other: { source: other, format }, case: kase, lang: language });
      if (r) setResult(r);
    }, 150);
    return () => clearTimeout(timer);
  }, [source, format, kase, language, other]);

  if (!bundled || other === undefined) return <p class="note">the policy did not start from a bundled one: there is no version to compare with</p>;
  const [edited] = result?.versions ?? [];
  const policyChanges = result?.policyChanges;
  const changes = result?.answerChanges;
  return (
    <div class="tables" data-testid="versions">
      <div class="diff-editor" ref={host} />
      {policyChanges && (
        <ul class="policy-changes" data-testid="policy-changes" aria-label="what changed in the policy">
          {policyChanges.length === 0 ? <li>the policies mean the same</li> : policyChanges.map((c) => <li>{c}</li>)}
        </ul>
      )}
      {edited && !edited.answer && <p class="note error">the edited policy gives no answer: {edited.diagnostics.map((d) => d.message).join('; ')}</p>}
      {changes && (
        <table class="answers">
          <caption data-testid="versions-summary">
            {changes.length === 0 ? 'The answers are the same' : `${changes.length} answer${changes.length > 1 ? 's' : ''} differ`}
          </caption>
          {changes.length > 0 && (
            <thead>
              <tr>
                <th>item</th>
                <th>bundled {bundled.id} → edited</th>
                <th>values</th>
              </tr>
            </thead>
          )}
          <tbody>
            {changes.map((c) => {
              const item = c.subject === undefined ? c.item : `${c.item} ${c.subject}`;
              return (
                <tr class="differs" data-item={item}>
                  <td>{item}</td>
                  <td>{c.change}</td>
                  <td>{c.detail ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
