// `sla check <policy files…>`: every diagnostic (warnings too) and a one-line summary per file.
import { countProblems, type Diagnostic } from '../../engine/diagnostics/index.ts';
import type { LoadedPolicy, Policy } from '../../engine/core.ts';
import { policiesOption } from '../common-options.ts';
import { checkTestFile, isTestFile } from '../check-test-file.ts';
import { loadEngineFor } from '../engine.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { policiesDir, resolvePolicy } from '../policies.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { readSourceFile } from '../read-source-file.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { plural } from '../text/plural.ts';
import { styleFor } from '../text/style.ts';
import { UsageError } from '../usage-error.ts';
import { escapeControls } from '../text/escape-controls.ts';

export const help = `Usage: sla check <policy files…> [--json] [--policies <dir>]

Parses and validates YAML (.yaml) or DSL (.sla) policies; prints every error and warning as
file:line:column: severity CODE message, then one summary line per file. A test file
(*.test.yaml) is checked too: its structure, and each case against its policy.
A policy id instead of a file (e.g. \`sla check relokia\`) is looked up in the policies folder.

Options:
  --json            print { "diagnostics": [...] } instead, each with its file and span
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)

Exit codes: 0 every policy is valid, 1 some policy has an error, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('check', args, { json: { type: 'boolean' }, ...policiesOption });
  if (positionals.length === 0) throw new UsageError('missing <policy files…>', 'check');
  const dir = policiesDir(values.policies);
  const out = process.stdout;
  const style = styleFor(out);
  let failed = false;
  // With --json every diagnostic is collected and printed once, as the HTTP API answers /v1/check.
  const all: Diagnostic[] = [];
  const report = (diagnostics: Diagnostic[], summary: string) => {
    if (values.json) all.push(...diagnostics);
    else {
      printDiagnostics(diagnostics, out);
      out.write(`${summary}\n`);
    }
  };
  for (const ref of positionals) {
    let file = ref;
    try {
      const source = await readSourceFile(await resolvePolicy(ref, dir));
      file = source.file;
      if (isTestFile(file)) {
        const { diagnostics, cases } = await checkTestFile(source, dir);
        const errors = errorCount(diagnostics);
        if (errors) failed = true;
        report(
          diagnostics,
          `${escapeControls(file)}: ${errors ? style.red(plural(errors, 'error')) : `${style.green('ok')} (test file, ${plural(cases, 'case')})`}`,
        );
        continue;
      }
      // Loaded after the file is read, so unreadable input is refused without loading the engine.
      const { checkPolicy, loadPolicy } = await loadEngineFor(file);
      // A valid policy is analysed once; only an invalid one again, for its warnings beside the errors.
      let loaded: LoadedPolicy | undefined;
      try {
        loaded = loadPolicy({ source: source.text, file });
      } catch (e) {
        if (!diagnosticsOf(e)) throw e;
      }
      const diagnostics = loaded ? loaded.warnings : checkPolicy({ source: source.text, file });
      const errors = errorCount(diagnostics);
      const warnings = countProblems(diagnostics) - errors;
      if (!loaded) failed = true;
      const line = loaded
        ? `${escapeControls(file)}: ${style.green('ok')} (${summary(loaded.ir)}${warnings ? `; ${plural(warnings, 'warning')}` : ''})`
        : `${escapeControls(file)}: ${style.red(plural(errors, 'error'))}${warnings ? `, ${plural(warnings, 'warning')}` : ''}`;
      report(diagnostics, line);
    } catch (e) {
      const diagnostics = diagnosticsOf(e);
      if (!diagnostics) throw e;
      failed = true;
      report(diagnostics, `${escapeControls(file)}: ${style.red(plural(countProblems(diagnostics), 'error'))}`);
    }
  }
  if (values.json) out.write(`${JSON.stringify({ diagnostics: all }, null, 2)}\n`);
  return failed ? EXIT_FINDING : EXIT_OK;
}

const errorCount = (ds: Diagnostic[]) => countProblems(ds.filter((d) => d.severity === 'error'));

function summary(ir: Policy): string {
  return [
    `${ir.id} ${ir.version}`,
    plural(ir.deadlines?.length ?? 0, 'deadline'),
    plural(ir.entitlements?.length ?? 0, 'entitlement'),
    ir.refund ? 'refund terms' : 'no refund terms',
    plural(ir.credits?.length ?? 0, 'credit'),
    ...(ir.amounts ? [plural(ir.amounts.length, 'amount')] : []),
  ].join(', ');
}
