// A Monaco editor showing one of the playground's models.
import { useEffect, useRef } from 'preact/hooks';
import { monaco } from '../monaco/setup.ts';

export const editors: Record<string, monaco.editor.IStandaloneCodeEditor> = {};

export function Editor({ name, model }: { name: string; model: monaco.editor.ITextModel }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
      fixedOverflowWidgets: true,
    });
    editors[name] = editor;
    return () => {
      delete editors[name];
      editor.dispose();
    };
  }, []);
  useEffect(() => {
    editors[name]?.setModel(model);
  }, [model]);
  return <div class="editor" data-editor={name} ref={host} />;
}
