// `sla test [files or folders…]`: runs test files; a summary line `N passed, N failed`.
import type { CompiledPolicy } from '../../engine/core.ts';
import type { CaseOutcome, TestCase, TestDocument } from '../../engine/testing/index.ts';
import type { Locator } from '../../engine/policy-types.ts';
import { fileNotFound, type Diagnostic } from '../../engine/diagnostics/index.ts';
import { engineOption, parseBackend, policiesOption } from '../common-options.ts';
import type { Backend } from '../../engine/core.ts';
import { displayPath } from '../display-path.ts';
import { loadEngine } from '../engine.ts';
import { findTestFiles } from '../find-test-files.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { compilePolicyFile, findPolicy, policiesDir } from '../policies.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { readSourceFile } from '../read-source-file.ts';
import { formatCaseOutcome } from '../report/test-report.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { styleFor } from '../text/style.ts';
import { escapeControls } from '../text/escape-controls.ts';

export const help = `Usage: sla test [files or folders…] [--policies <dir>] [--dsl] [--engine compiled|json-rules-engine] [--coverage] [--coverage-json <file>] [--lcov <file>]

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
  --dsl             run each case under the DSL form of its policy (<id>.sla) where there is one
  --engine compiled|json-rules-engine
                    how the compiled rules are run: as closures (default) or by json-rules-engine, the
                    reference; both must pass the same files
  --coverage        after the run, per policy: clauses decided, compiled rules and conditions seen
                    both holding and failing, outcomes seen (deadlines pending/met/breached,
                    windows open/closed, refund rules deciding, exclusions applying)
  --coverage-json <file>  write that coverage as JSON
  --lcov <file>     write it as an LCOV tracefile of the policy files, for editors to shade

Exit codes: 0 all passed, 1 a failure or an invalid test file, 2 bad usage.
`;

type Engine = Awaited<ReturnType<typeof loadEngine>>;
type Testing = typeof import('../../engine/testing/index.ts');
interface Tally {
  passed: number;
  failed: number;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('test', args, {
    ...policiesOption,
    dsl: { type: 'boolean' },
    ...engineOption,
    coverage: { type: 'boolean' },
    'coverage-json': { type: 'string' },
    lcov: { type: 'string' },
  });
  const backend = parseBackend('test', values.engine);
  const measuring = Boolean(values.coverage || values['coverage-json'] !== undefined || values.lcov !== undefined);
  // The cases each policy ran, for coverage.
  const ran = new Map<string, unknown[]>();
  const dir = policiesDir(values.policies);
  const out = process.stdout;
  const { files, missing } = await findTestFiles(positionals.length > 0 ? positionals : [dir]);

  const tally: Tally = { passed: 0, failed: 0 };
  for (const path of missing) {
    printDiagnostics([fileNotFound(path)], out);
    tally.failed++;
  }
  if (files.length === 0 && missing.length === 0) {
    process.stderr.write(`no test files (*.test.yaml) in ${escapeControls(positionals.length ? positionals.join(', ') : displayPath(dir))}\n`);
  }
  let coverage: (() => Promise<void>) | undefined;
  if (files.length > 0) {
    // Loaded only when there is something to run.
    const engine = await loadEngine();
    const testing = await import('../../engine/testing/index.ts');
    // Each policy is loaded once, however many files and cases use it.
    const policies = new Map<string, Promise<CompiledPolicy>>();
    const policyFor = async (id: string) => {
      const path = await findPolicy(id, dir, values.dsl ? 'dsl' : 'yaml');
      if (!policies.has(path)) policies.set(path, compilePolicyFile(path));
      return policies.get(path)!;
    };
    const record = measuring ? (id: string, kase: unknown) => void (ran.get(id) ?? ran.set(id, []).get(id)!).push(kase) : undefined;
    for (const path of files) await runFile(path, { engine, backend, testing, policyFor, tally, record });
    if (measuring)
      coverage = async () => {
        const { reportCoverage } = await import('../report/write-coverage.ts');
        await reportCoverage(ran, (id) => findPolicy(id, dir, values.dsl ? 'dsl' : 'yaml'), policyFor, {
          print: Boolean(values.coverage),
          json: values['coverage-json'],
          lcov: values.lcov,
        });
      };
  }
  out.write(`${tally.passed} passed, ${tally.failed} failed\n`);
  await coverage?.();
  return tally.failed > 0 ? EXIT_FINDING : EXIT_OK;
}

/** Runs one test file; an unreadable or invalid file counts as one failure. */
async function runFile(
  path: string,
  ctx: {
    engine: Engine;
    backend: Backend;
    testing: Testing;
    policyFor: (id: string) => Promise<CompiledPolicy>;
    tally: Tally;
    record?: (policy: string, kase: unknown) => void;
  },
): Promise<void> {
  const out = process.stdout;
  const style = styleFor(out);
  out.write(`${style.bold(escapeControls(displayPath(path)))}\n`);
  let file: string;
  let locate: Locator;
  let document: TestDocument;
  try {
    const source = await readSourceFile(path);
    const parsed = ctx.engine.parseCaseSource(source.text, source.file);
    [file, locate] = [source.file, parsed.locate];
    document = ctx.testing.parseTestDocument(parsed.value, { file, locate });
  } catch (e) {
    const diagnostics = diagnosticsOf(e);
    if (!diagnostics) throw e;
    printDiagnostics(diagnostics, out, '  ');
    ctx.tally.failed++;
    return;
  }
  if (document.diagnostics.some((d) => d.severity === 'error')) {
    printDiagnostics(document.diagnostics, out, '  ');
    ctx.tally.failed++;
    return;
  }
  for (const testCase of document.cases) {
    const outcome = await runCase(testCase, ctx.policyFor, (policy) =>
      ctx.testing.runTestCase(testCase, policy, { file, locate, evaluate: (p, c, o) => ctx.engine.evaluate(p, c, { ...o, engine: ctx.backend }) }),
    );
    if (testCase.policy !== undefined && testCase.diagnostics.length === 0) ctx.record?.(testCase.policy, testCase.case);
    if (outcome.passed) ctx.tally.passed++;
    else ctx.tally.failed++;
    out.write(`${formatCaseOutcome(outcome, style).join('\n')}\n`);
  }
}

/** Loads the case's policy (a policy that does not load fails the case with its diagnostics). */
async function runCase(
  testCase: TestCase,
  policyFor: (id: string) => Promise<CompiledPolicy>,
  evaluate: (policy: CompiledPolicy) => Promise<CaseOutcome>,
): Promise<CaseOutcome> {
  const failure = (diagnostics: Diagnostic[]): CaseOutcome => ({ name: testCase.name, passed: false, mismatches: [], diagnostics });
  if (testCase.diagnostics.length > 0 || testCase.policy === undefined) return failure(testCase.diagnostics);
  let policy: CompiledPolicy;
  try {
    policy = await policyFor(testCase.policy);
  } catch (e) {
    const diagnostics = diagnosticsOf(e);
    if (!diagnostics) throw e;
    return failure(diagnostics);
  }
  return evaluate(policy);
}
