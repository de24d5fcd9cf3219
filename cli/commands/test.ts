// `sla test [files or folders…]`: runs test files; a summary line `N passed, N failed`.
import type { LoadedPolicy } from '../../engine/index.ts';
import type { CaseOutcome, TestCase } from '../../engine/testing/index.ts';
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/index.ts';
import { policiesOption } from '../common-options.ts';
import { displayPath } from '../display-path.ts';
import { loadEngine } from '../engine.ts';
import { findTestFiles } from '../find-test-files.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { readSourceFile } from '../read-source-file.ts';
import { formatCaseOutcome } from '../report/test-report.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { styleFor } from '../text/style.ts';

export const help = `Usage: sla test [files or folders…] [--policies <dir>]

Runs test files (*.test.yaml, found recursively in folders; default: the policies folder).
Each case is evaluated under its policy (\`policy:\` of the file or the case, an id looked up in the
policies folder) and its answer matched against \`expect\`:

  policy: relokia
  cases:
    - name: premium re-migration still open on day 4
      case: { at: …, plans: {…}, facts: {…}, events: […] }
      expect:
        entitlements: [ { id: re_migration, allowed: true, remaining: 1 } ]

An expectation is a subset: each listed item must be present (by id, and subject or period where
given) and each listed field equal (instants as instants, numbers to 0.005); \`credits: []\` means
none at all; \`refund: null\` means no refund terms.

Options:
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)

Exit codes: 0 all passed, 1 a failure or an invalid test file, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('test', args, { ...policiesOption });
  const dir = policiesDir(values.policies);
  const out = process.stdout;
  const style = styleFor(out);
  const { files, missing } = await findTestFiles(positionals.length > 0 ? positionals : [dir]);

  const policies = new Map<string, Promise<LoadedPolicy>>();
  const policyFor = async (id: string) => {
    const path = await resolvePolicy(id, dir);
    if (!policies.has(path)) policies.set(path, loadPolicyFile(path));
    return policies.get(path)!;
  };

  let passed = 0;
  let failed = 0;
  for (const path of missing) {
    printDiagnostics([diagnostic('SLA5003', 'file not found', { file: path })], out);
    failed++;
  }
  if (files.length === 0 && missing.length === 0) {
    process.stderr.write(`no test files (*.test.yaml) in ${positionals.length ? positionals.join(', ') : displayPath(dir)}\n`);
  }

  // Only now, so a run with nothing to read does not load the engine.
  const engine = files.length > 0 ? await loadEngine() : undefined;
  const testing = files.length > 0 ? await import('../../engine/testing/index.ts') : undefined;
  for (const path of files) {
    if (!engine || !testing) break;
    out.write(`${style.bold(displayPath(path))}\n`);
    let document;
    let source;
    try {
      source = await readSourceFile(path);
      const parsed = engine.parseCaseSource(source.text, source.file);
      document = { ...testing.parseTestDocument(parsed.value, { file: source.file, locate: parsed.locate }), locate: parsed.locate };
    } catch (e) {
      const diagnostics = diagnosticsOf(e);
      if (!diagnostics) throw e;
      printDiagnostics(diagnostics, out, '  ');
      failed++;
      continue;
    }
    if (document.diagnostics.some((d) => d.severity === 'error')) {
      printDiagnostics(document.diagnostics, out, '  ');
      failed++;
      continue;
    }
    for (const testCase of document.cases) {
      const outcome = await runCase(testCase, policyFor, (policy) =>
        testing.runTestCase(testCase, policy, { file: source.file, locate: document.locate }),
      );
      if (outcome.passed) passed++;
      else failed++;
      out.write(`${formatCaseOutcome(outcome, style).join('\n')}\n`);
    }
  }
  out.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? EXIT_FINDING : EXIT_OK;
}

/** Loads the case's policy (a policy that does not load fails the case with its diagnostics). */
async function runCase(
  testCase: TestCase,
  policyFor: (id: string) => Promise<LoadedPolicy>,
  evaluate: (policy: LoadedPolicy) => Promise<CaseOutcome>,
): Promise<CaseOutcome> {
  const failure = (diagnostics: Diagnostic[]): CaseOutcome => ({ name: testCase.name, passed: false, mismatches: [], diagnostics });
  if (testCase.diagnostics.length > 0 || testCase.policy === undefined) return failure(testCase.diagnostics);
  let policy: LoadedPolicy;
  try {
    policy = await policyFor(testCase.policy);
  } catch (e) {
    const diagnostics = diagnosticsOf(e);
    if (!diagnostics) throw e;
    return failure(diagnostics);
  }
  return evaluate(policy);
}
