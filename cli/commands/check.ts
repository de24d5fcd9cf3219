// `sla check <policy files…>`: every diagnostic (warnings too) and a one-line summary per file.
import type { Policy } from '../../engine/core.ts';
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

export const help = `Usage: sla check <policy files…> [--policies <dir>]

Parses and validates YAML (.yaml) or DSL (.sla) policies; prints every error and warning as
file:line:column: severity CODE message, then one summary line per file. A test file
(*.test.yaml) is checked too: its structure, and each case against its policy.
A policy id instead of a file (e.g. \`sla check relokia\`) is looked up in the policies folder.

Options:
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)

Exit codes: 0 every policy is valid, 1 some policy has an error, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('check', args, { ...policiesOption });
  if (positionals.length === 0) throw new UsageError('missing <policy files…>', 'check');
  const dir = policiesDir(values.policies);
  const out = process.stdout;
  const style = styleFor(out);
  let failed = false;
  for (const ref of positionals) {
    let file = ref;
    try {
      const source = await readSourceFile(await resolvePolicy(ref, dir));
      file = source.file;
      if (isTestFile(file)) {
        const { diagnostics, cases } = await checkTestFile(source, dir);
        printDiagnostics(diagnostics, out);
        const errors = diagnostics.filter((d) => d.severity === 'error').length;
        if (errors) failed = true;
        out.write(`${escapeControls(file)}: ${errors ? style.red(plural(errors, 'error')) : `${style.green('ok')} (test file, ${plural(cases, 'case')})`}\n`);
        continue;
      }
      // Loaded after the file is read, so unreadable input is refused without loading the engine.
      const { checkPolicy, loadPolicy } = await loadEngineFor(file);
      // A valid policy is analysed once; only an invalid one again, for its warnings beside the errors.
      let loaded;
      try {
        loaded = loadPolicy({ source: source.text, file });
      } catch (e) {
        if (!diagnosticsOf(e)) throw e;
      }
      const diagnostics = loaded ? loaded.warnings : checkPolicy({ source: source.text, file });
      printDiagnostics(diagnostics, out);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      if (!loaded) {
        failed = true;
        out.write(`${escapeControls(file)}: ${style.red(plural(errors, 'error'))}${warnings ? `, ${plural(warnings, 'warning')}` : ''}\n`);
      } else {
        out.write(`${escapeControls(file)}: ${style.green('ok')} (${summary(loaded.ir)}${warnings ? `; ${plural(warnings, 'warning')}` : ''})\n`);
      }
    } catch (e) {
      const diagnostics = diagnosticsOf(e);
      if (!diagnostics) throw e;
      failed = true;
      printDiagnostics(diagnostics, out);
      out.write(`${escapeControls(file)}: ${style.red(plural(diagnostics.length, 'error'))}\n`);
    }
  }
  return failed ? EXIT_FINDING : EXIT_OK;
}

function summary(ir: Policy): string {
  return [
    `${ir.id} ${ir.version}`,
    plural(ir.deadlines?.length ?? 0, 'deadline'),
    plural(ir.entitlements?.length ?? 0, 'entitlement'),
    ir.refund ? 'refund terms' : 'no refund terms',
    plural(ir.credits?.length ?? 0, 'credit'),
  ].join(', ');
}
