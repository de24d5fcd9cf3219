// `file:line:column: error CODE message`, with the severity coloured on a terminal.
import { formatDiagnostic, type Diagnostic } from '../engine/diagnostics/index.ts';
import { escapeStrings } from './text/escape-controls.ts';
import { styleFor } from './text/style.ts';

export function printDiagnostics(diagnostics: readonly Diagnostic[], stream: NodeJS.WriteStream, indent = ''): void {
  const style = styleFor(stream);
  // messages quote the user's input, file names come from the command line or a folder
  for (const d of escapeStrings(diagnostics)) {
    const label = `${d.severity} ${d.code}`;
    const paint = d.severity === 'error' ? style.red : style.yellow;
    stream.write(`${indent}${formatDiagnostic(d).replace(label, paint(label))}\n`);
  }
}
