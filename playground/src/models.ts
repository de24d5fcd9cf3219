// The editors' text models, kept in step with the state: typing updates the signal; a change that
// comes from elsewhere (another bundled policy, a conversion, a form edit) replaces the text.
import { effect, type Signal } from '@preact/signals';
import { registerClauseHover } from './monaco/clause-hover.ts';
import { setDiagnostics } from './monaco/markers.ts';
import { CASE_SCHEMA_URI, DSL_LANGUAGE_ID, monaco, POLICY_MODEL_URI, POLICY_SCHEMA, yaml } from './monaco/setup.ts';
import { caseSchema } from './case-schema.ts';
import type { PolicyFormat } from './worker/protocol.ts';
import { caseDiagnostics, caseSource, declarations, policyDiagnostics, policyFormat, policySource } from './state.ts';

registerClauseHover();

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

const models: Partial<Record<PolicyFormat, monaco.editor.ITextModel>> = {};

/** The policy's model in a form, made when that form is first shown (the DSL's tokenizer loads then). */
export function policyModel(format: PolicyFormat): monaco.editor.ITextModel {
  return (models[format] ??=
    format === 'yaml'
      ? bound(POLICY_MODEL_URI, 'yaml', policySource, () => policyFormat.value === 'yaml')
      : bound('file:///playground/policy.sla', DSL_LANGUAGE_ID, policySource, () => policyFormat.value === 'dsl'));
}
export const caseModel = bound(CASE_MODEL_URI, 'yaml', caseSource, () => true);

effect(() => setDiagnostics(policyModel(policyFormat.value), policyDiagnostics.value));
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
