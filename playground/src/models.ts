// The editors' text models, kept in step with the state: typing updates the signal; a change that
// comes from elsewhere (another bundled policy, a conversion, a form edit) replaces the text.
import { effect, type Signal } from '@preact/signals';
import { dslLanguageId } from '../../dsl/index.ts';
import { setDiagnostics } from './monaco/markers.ts';
import { monaco, POLICY_MODEL_URI } from './monaco/setup.ts';
import { caseDiagnostics, caseSource, policyDiagnostics, policyFormat, policySource } from './state.ts';

export const CASE_MODEL_URI = 'file:///playground/case.yaml';

function bound(uri: string, language: string, text: Signal<string>, active: () => boolean): monaco.editor.ITextModel {
  const model = monaco.editor.createModel(active() ? text.value : '', language, monaco.Uri.parse(uri));
  model.onDidChangeContent(() => {
    if (active()) text.value = model.getValue();
  });
  effect(() => {
    if (active() && model.getValue() !== text.value) model.pushEditOperations([], [{ range: model.getFullModelRange(), text: text.value }], () => null);
  });
  return model;
}

export const policyModels = {
  yaml: bound(POLICY_MODEL_URI, 'yaml', policySource, () => policyFormat.value === 'yaml'),
  dsl: bound('file:///playground/policy.sla', dslLanguageId, policySource, () => policyFormat.value === 'dsl'),
};
export const caseModel = bound(CASE_MODEL_URI, 'yaml', caseSource, () => true);

effect(() => setDiagnostics(policyModels[policyFormat.value], policyDiagnostics.value));
effect(() => setDiagnostics(caseModel, caseDiagnostics.value));
