// The case: YAML in an editor or the same case as a form, with the policy's plans as pickers.
import { caseValue, setInCase } from '../case-edit.ts';
import { caseDiagnostics, caseSource, caseView, declarations } from '../state.ts';
import { CaseForm } from './CaseForm.tsx';
import { Editor } from './Editor.tsx';
import { DiagnosticList } from './PolicyPane.tsx';

export function CasePane() {
  const plans = declarations.value?.plans ?? {};
  const chosen = caseValue(caseSource.value)?.plans ?? {};
  const view = caseView.value;
  return (
    <section class="pane case">
      <header>
        <strong>Case</strong>
        <span class="toggle" role="group" aria-label="case view">
          {(['yaml', 'form'] as const).map((v) => (
            <button class={v === view ? 'on' : ''} aria-pressed={v === view} onClick={() => (caseView.value = v)}>
              {v === 'yaml' ? 'YAML' : 'Form'}
            </button>
          ))}
        </span>
        {Object.entries(plans).map(([dim, decl]) => (
          <label>
            {dim}{' '}
            <select aria-label={`plan ${dim}`} value={String(chosen[dim] ?? '')} onChange={(e) => setInCase(['plans', dim], e.currentTarget.value)}>
              {chosen[dim] === undefined && <option value="">—</option>}
              {decl.options.map((o) => (
                <option value={o}>{o}</option>
              ))}
            </select>
          </label>
        ))}
      </header>
      <div class={`case-body ${view}`}>
        <Editor name="case" />
        {view === 'form' && <CaseForm />}
      </div>
      <DiagnosticList items={caseDiagnostics.value} editor="case" />
    </section>
  );
}
