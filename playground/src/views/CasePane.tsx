// The case: YAML in an editor, with the policy's plan dimensions as pickers beside it.
import { parseDocument } from 'yaml';
import { caseModel } from '../models.ts';
import { caseDiagnostics, caseSource, declarations } from '../state.ts';
import { Editor } from './Editor.tsx';
import { DiagnosticList } from './PolicyPane.tsx';

/** Sets one value in the case's YAML, keeping the rest of the text (comments, layout) as it is. */
function setInCase(path: string[], value: unknown) {
  const doc = parseDocument(caseSource.value);
  if (doc.errors.length) return;
  doc.setIn(path, value);
  caseSource.value = doc.toString({ flowCollectionPadding: true });
}

function currentPlans(): Record<string, unknown> {
  try {
    const plans = parseDocument(caseSource.value).toJS()?.plans;
    return plans && typeof plans === 'object' ? plans : {};
  } catch {
    return {};
  }
}

export function CasePane() {
  const plans = declarations.value?.plans ?? {};
  const chosen = currentPlans();
  return (
    <section class="pane case">
      <header>
        <strong>Case</strong>
        {Object.entries(plans).map(([dim, decl]) => (
          <label>
            {dim}{' '}
            <select aria-label={`plan ${dim}`} value={String(chosen[dim] ?? '')} onChange={(e) => setInCase(['plans', dim], e.currentTarget.value)}>
              {chosen[dim] === undefined && <option value="">—</option>}
              {decl.options.map((o) => <option value={o}>{o}</option>)}
            </select>
          </label>
        ))}
      </header>
      <Editor name="case" model={caseModel} />
      <DiagnosticList items={caseDiagnostics.value} editor="case" />
    </section>
  );
}
