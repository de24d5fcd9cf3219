// The editors' text models, kept in step with the state: typing updates the signal; a change that
// comes from elsewhere (another bundled policy, a conversion, a form edit) replaces the text.
import { effect, type Signal } from '@preact/signals';
import { dslLanguageId } from '../../dsl/index.ts';
import { setDiagnostics } from './monaco/markers.ts';
import { CASE_SCHEMA_URI, monaco, POLICY_MODEL_URI, POLICY_SCHEMA, yaml } from './monaco/setup.ts';
import { caseSchema } from './case-schema.ts';
import { caseDiagnostics, caseSource, declarations, policyDiagnostics, policyFormat, policySource } from './state.ts';

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

// the case schema follows the policy's declarations (a new schema restarts the YAML worker: only on a change)
let caseSchemaText = '';
effect(() => {
  const d = declarations.value;
  if (!d) return;
  const schema = caseSchema(d);
  const text = JSON.stringify(schema);
  if (text === caseSchemaText) return;
  caseSchemaText = text;
  yaml.update({ schemas: [POLICY_SCHEMA, { uri: CASE_SCHEMA_URI, fileMatch: [CASE_MODEL_URI], schema }] });
});
