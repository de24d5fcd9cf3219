// Runs the examples of docs/diagnostics.md: a change to the example policy or case (a diff), and
// what `sla` prints for the changed file.
import { printDiagnostics } from '../../cli/print-diagnostics.ts';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, parseCaseSource, SlaError, type Diagnostic } from '../../engine/index.ts';

export type ExampleFile = 'policy.yaml' | 'case.yaml';

/** The base with the diff's `-` lines (one run of them, in order) replaced by its `+` lines. */
export function applyDiff(base: string, diff: string): string {
  const lines = diff.split('\n').filter((l) => /^[-+]/.test(l));
  const minus = lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1));
  const plus = lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1));
  const baseLines = base.split('\n');
  const at = baseLines.findIndex((_, i) => minus.every((m, j) => baseLines[i + j] === m));
  if (minus.length === 0 || at < 0) throw new Error(`the diff's removed lines are not in the base:\n${minus.join('\n')}`);
  baseLines.splice(at, minus.length, ...plus);
  return baseLines.join('\n');
}

async function diagnosticsOf(file: ExampleFile, source: string, policy: string): Promise<Diagnostic[]> {
  if (file === 'policy.yaml') return checkPolicy({ source, file });
  try {
    const { value, locate } = parseCaseSource(source, file);
    await evaluate(compilePolicy(loadPolicy({ source: policy, file: 'policy.yaml' })), value as never, { file, locate });
    return [];
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
}

/** What `sla check policy.yaml` (or `sla eval case.yaml`) prints for the source, summary line aside. */
export async function printedFor(file: ExampleFile, source: string, policy: string): Promise<string> {
  let out = '';
  const stream = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
  printDiagnostics(await diagnosticsOf(file, source, policy), stream, '', { sourceOf: () => source });
  return out.trimEnd();
}
