// Version vs version: the edited policy against the bundled one it started from, on the same case —
// a diff of the sources (the right side is the policy being edited) and of the answers.
import { useEffect, useRef, useState } from 'preact/hooks';
import { bundledPolicies } from '../bundled.ts';
import { compareVersions } from '../engine-client.ts';
import { policyModel } from '../models.ts';
import { DSL_LANGUAGE_ID, monaco } from '../monaco/setup.ts';
import { caseSource, lang, policyFormat, policyId, policySource } from '../state.ts';
import type { PolicyFormat, VersionsResult } from '../worker/protocol.ts';
import { answerLines } from './answer-lines.ts';

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
  const [edited, base] = result?.versions ?? [];
  const a = edited?.answer ? answerLines(edited.answer) : undefined;
  const b = base?.answer ? answerLines(base.answer) : undefined;
  const keys = [...new Set([...(b?.keys() ?? []), ...(a?.keys() ?? [])])].filter((k) => a?.get(k) !== b?.get(k));
  return (
    <div class="tables" data-testid="versions">
      <div class="diff-editor" ref={host} />
      {edited && !edited.answer && <p class="note error">the edited policy gives no answer: {edited.diagnostics.map((d) => d.message).join('; ')}</p>}
      {a && b && (
        <table class="answers">
          <caption data-testid="versions-summary">
            {keys.length === 0 ? 'The answers are the same' : `${keys.length} answer${keys.length > 1 ? 's' : ''} differ`}
          </caption>
          {keys.length > 0 && (
            <thead>
              <tr>
                <th>item</th>
                <th>bundled {bundled.id}</th>
                <th>edited</th>
              </tr>
            </thead>
          )}
          <tbody>
            {keys.map((k) => (
              <tr class="differs" data-item={k}>
                <td>{k}</td>
                <td>{b.get(k) ?? '—'}</td>
                <td>{a.get(k) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
