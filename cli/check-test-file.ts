// `sla check` on a test file (*.test.yaml): the file is valid when its structure is, and every
// case is a valid case of its policy (expectations are compared by `sla test`, not here).
import type { Case, CompiledPolicy, Diagnostic } from '../engine/core.ts';
import { loadEngine } from './engine.ts';
import { compilePolicyFile, findPolicy } from './policies.ts';
import { diagnosticsOf } from './report-error.ts';
import type { SourceFile } from './read-source-file.ts';

export const isTestFile = (path: string) => /\.test\.ya?ml$/i.test(path);

export async function checkTestFile(source: SourceFile, dir: string): Promise<{ diagnostics: Diagnostic[]; cases: number }> {
  const { parseCaseSource, evaluate } = await loadEngine();
  const { parseTestDocument } = await import('../engine/testing/index.ts');
  const { value, locate } = parseCaseSource(source.text, source.file);
  const doc = parseTestDocument(value, { file: source.file, locate });
  const diagnostics = [...doc.diagnostics, ...doc.cases.flatMap((c) => c.diagnostics)];
  const policies = new Map<string, Promise<CompiledPolicy>>();
  for (const t of doc.cases) {
    if (t.diagnostics.length || t.policy === undefined) continue;
    try {
      const path = await findPolicy(t.policy, dir);
      if (!policies.has(path)) policies.set(path, compilePolicyFile(path));
      await evaluate(await policies.get(path)!, t.case as Case, { file: source.file, locate: (p, part) => locate(`${t.pointer}/case${p}`, part) });
    } catch (e) {
      const found = diagnosticsOf(e);
      if (!found) throw e;
      diagnostics.push(...found);
    }
  }
  return { diagnostics, cases: doc.cases.length };
}
