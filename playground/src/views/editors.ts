// The open editors by name ('policy', 'case'), for views that move an editor's cursor or selection.
// Types only: the editor itself (Monaco) loads after the first screen.
import type { editor } from 'monaco-editor/editor';

export const editors: Record<string, editor.IStandaloneCodeEditor> = {};
