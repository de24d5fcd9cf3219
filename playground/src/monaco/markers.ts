// Engine diagnostics as Monaco markers, and the quick fix for a "did you mean `x`?" suggestion.
// monaco-yaml checks the same JSON Schema as the engine: where both mark a problem, only the
// engine's marker (with its code and help text) is kept.
import type { Diagnostic } from '../../../engine/core.ts';
import { monaco } from './setup.ts';

const OWNER = 'sla';
/** the owner of monaco-yaml's schema and syntax markers */
const YAML_OWNER = 'yaml';
const SUGGESTION = /did you mean `([^`]+)`\?/;

const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info } as const;

/** The span of a diagnostic: its own end where it has one, else the word at its start. */
export function spanOf(model: monaco.editor.ITextModel, d: Diagnostic): monaco.IRange {
  const line = Math.min(Math.max(d.line || 1, 1), model.getLineCount());
  const column = Math.max(d.column || 1, 1);
  if (d.endLine && d.endColumn && (d.endLine > line || d.endColumn > column))
    return { startLineNumber: line, startColumn: column, endLineNumber: d.endLine, endColumn: d.endColumn };
  const word = model.getWordAtPosition({ lineNumber: line, column });
  if (word) return { startLineNumber: line, startColumn: word.startColumn, endLineNumber: line, endColumn: word.endColumn };
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: Math.max(column + 1, model.getLineMaxColumn(line)) };
}

export function setDiagnostics(model: monaco.editor.ITextModel, diagnostics: Diagnostic[]): void {
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    diagnostics.map((d) => ({
      ...spanOf(model, d),
      severity: severity[d.severity as keyof typeof severity] ?? monaco.MarkerSeverity.Error,
      message: d.help ? `${d.message}\n${d.help}` : d.message,
      code: d.code,
      source: 'sla',
    })),
  );
}

/** Drops monaco-yaml's markers that overlap one of the engine's: the same problem, told once. */
function dropDuplicates(uri: monaco.Uri): void {
  const model = monaco.editor.getModel(uri);
  if (!model) return;
  const ours = monaco.editor.getModelMarkers({ resource: uri, owner: OWNER });
  if (!ours.length) return;
  const theirs = monaco.editor.getModelMarkers({ resource: uri, owner: YAML_OWNER });
  const kept = theirs.filter((m) => !ours.some((o) => monaco.Range.areIntersecting(o, m)));
  // setting fewer markers fires this listener again, which then finds nothing to drop
  if (kept.length < theirs.length) monaco.editor.setModelMarkers(model, YAML_OWNER, kept);
}

monaco.editor.onDidChangeMarkers((uris) => uris.forEach(dropDuplicates));

monaco.languages.registerCodeActionProvider(['yaml', 'sla'], {
  provideCodeActions(model, _range, context) {
    const actions = context.markers
      .filter((m) => m.source === 'sla')
      .flatMap((m) => {
        const suggestion = SUGGESTION.exec(m.message)?.[1];
        if (!suggestion) return [];
        return [
          {
            title: `Change to \`${suggestion}\``,
            kind: 'quickfix',
            diagnostics: [m],
            isPreferred: true,
            edit: { edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: m, text: suggestion } }] },
          },
        ];
      });
    return { actions, dispose() {} };
  },
});
