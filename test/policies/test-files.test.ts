// Every bundled test file, and the worked scenarios beside the project, pass: the vitest side of
// `sla test policies ../shared/scenarios`, one test per case. (The DSL form of each policy is the
// same IR as its YAML form: test/dsl/bundled-equivalence.test.ts shows it, so one form is run here.)
// Each case runs under both ways of running the rules: the compiled closures (the default) and
// json-rules-engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, type Backend, type CompiledPolicy } from '../../engine/index.ts';
import { formatMismatch, parseTestDocument, runTestCase, type Evaluator } from '../../engine/testing/index.ts';

const policiesDir = new URL('../../policies/', import.meta.url);
const scenariosDir = new URL('../../../shared/scenarios/', import.meta.url);

const policies = new Map<string, CompiledPolicy>();
function policy(id: string): CompiledPolicy {
  const name = `${id}.yaml`;
  let p = policies.get(name);
  if (!p) {
    p = compilePolicy(loadPolicy({ source: readFileSync(new URL(name, policiesDir), 'utf8'), file: `policies/${name}` }));
    policies.set(name, p);
  }
  return p;
}

const testFiles = (dir: URL) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.test.yaml'))
        .sort()
        .map((f) => new URL(f, dir))
    : [];

const files = [...testFiles(policiesDir), ...testFiles(scenariosDir)];

it('finds the bundled test files', () => {
  expect(testFiles(policiesDir).map((u) => u.pathname.split('/').pop())).toEqual(
    expect.arrayContaining(['relokia.test.yaml', 'data2crm.test.yaml', 'cart2cart.test.yaml', 'crmonline.test.yaml']),
  );
});

for (const url of files) {
  const name = url.pathname.split('/').slice(-2).join('/');
  const { value, locate } = parseCaseSource(readFileSync(url, 'utf8'), name);
  const doc = parseTestDocument(value, { file: name, locate });
  describe(name, () => {
    it('is a valid test file', () => expect(doc.diagnostics).toEqual([]));
    for (const t of doc.cases)
      for (const engine of ['compiled', 'json-rules-engine'] as Backend[]) {
        const byEngine: Evaluator = (p, input, options) => evaluate(p, input, { ...options, engine });
        it(`${t.name} (${engine})`, async () => {
          const outcome = await runTestCase(t, policy(t.policy ?? doc.policy ?? ''), { file: name, locate, evaluate: byEngine });
          const problems = [
            ...outcome.diagnostics.map((d) => d.message),
            ...outcome.mismatches.flatMap(formatMismatch),
            ...(outcome.error ? [outcome.error] : []),
          ];
          expect(problems).toEqual([]);
          expect(outcome.passed).toBe(true);
        });
      }
  });
}
