// Monaco with only what the playground uses: the editor, the YAML and `.sla` languages, and the
// features behind hover, completion, quick fixes, find, folding and marker navigation (the diff
// view's loads with the version comparison).
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/suggest/register';
// the completion widget itself (0.57's features/suggest registers only inline completions)
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import policySchema from '../../../policies/policy.schema.json' with { type: 'json' };

self.MonacoEnvironment = {
  getWorker: (_: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

// monaco ≥ 0.55 wants the Worker itself and no longer sends `createData`; monaco-yaml's worker
// reads it from the message after its first one, so it is posted by hand before monaco's own.
const createWebWorker = monaco.editor.createWebWorker;
const yamlMonaco = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: { label?: string; createData?: unknown; host?: monaco.editor.IInternalWebWorkerOptions['host'] }) => {
      const worker = self.MonacoEnvironment!.getWorker!('', opts.label ?? 'yaml') as Worker;
      worker.postMessage('init');
      worker.postMessage(opts.createData);
      return createWebWorker({ worker, host: opts.host });
    },
  },
} as unknown as typeof monaco;

// the bundled policies' modeline (`$schema=./policy.schema.json`) resolves beside the model (a
// file: URI, as monaco-yaml drops an inmemory: URI's authority when it resolves the path)
export const POLICY_MODEL_URI = 'file:///playground/policy.yaml';
export const POLICY_SCHEMA_URI = 'file:///playground/policy.schema.json';
export const CASE_SCHEMA_URI = 'file:///playground/case.schema.json';
export const POLICY_SCHEMA = { uri: POLICY_SCHEMA_URI, fileMatch: [POLICY_MODEL_URI], schema: policySchema as object };

export const yaml = configureMonacoYaml(yamlMonaco, { enableSchemaRequest: false, schemas: [POLICY_SCHEMA] });

// The DSL's tokenizer is built from its lexer (chevrotain): loaded when a `.sla` model first appears,
// not with the first screen.
export const DSL_LANGUAGE_ID = 'sla';
monaco.languages.register({ id: DSL_LANGUAGE_ID, extensions: ['.sla'], aliases: ['SLA'] });
monaco.languages.onLanguage(DSL_LANGUAGE_ID, async () => {
  const { dslLanguageId, languageConfiguration, monarchLanguage } = await import('../../../dsl/index.ts');
  monaco.languages.setMonarchTokensProvider(dslLanguageId, monarchLanguage as unknown as monaco.languages.IMonarchLanguage);
  monaco.languages.setLanguageConfiguration(dslLanguageId, languageConfiguration as unknown as monaco.languages.LanguageConfiguration);
});

export { monaco };
