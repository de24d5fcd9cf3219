// A Monaco editor showing the policy (in its current form) or the case. Monaco is fetched when the
// first editor mounts, so the rest of the page shows without waiting for it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { policyFormat } from '../state.ts';
import { editors } from './editors.ts';

type Layer = typeof import('../monaco/editor-layer.ts');
let layer: Promise<Layer> | undefined;
const loadLayer = () => (layer ??= import('../monaco/editor-layer.ts'));

export function Editor({ name }: { name: 'policy' | 'case' }) {
  const host = useRef<HTMLDivElement>(null);
  const [monaco, setMonaco] = useState<Layer>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let editor: import('monaco-editor/editor').editor.IStandaloneCodeEditor | undefined;
    let gone = false;
    loadLayer().then(
      (m) => {
        if (gone) return;
        editor = m.monaco.editor.create(host.current!, {
          model: name === 'case' ? m.caseModel : m.policyModel(policyFormat.peek()),
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          lightbulb: { enabled: m.monaco.editor.ShowLightbulbIconMode.OnCode },
          fixedOverflowWidgets: true,
        });
        editors[name] = editor;
        setMonaco(m);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      gone = true;
      delete editors[name];
      editor?.dispose();
    };
  }, []);
  // the policy editor shows the model of the form chosen (YAML or DSL)
  const format = name === 'policy' ? policyFormat.value : undefined;
  useEffect(() => {
    if (monaco && format) editors[name]?.setModel(monaco.policyModel(format));
  }, [monaco, format]);
  // Monaco owns the host's children, so the note goes beside it
  return (
    <>
      <div class="editor" data-editor={name} ref={host} />
      {error && <p class="note error">the editor could not be loaded: {error}</p>}
    </>
  );
}
