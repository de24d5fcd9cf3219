// `sla lint <policy files…>`: what a careful author would want to know about a valid policy, as
// diagnostics (SLA6xxx) with spans; --format json for machines, --strict to fail on warnings.
import type { Diagnostic } from '../../engine/core.ts';
import { isTestFile } from '../check-test-file.ts';
import { policiesOption } from '../common-options.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { plural } from '../text/plural.ts';
import { styleFor } from '../text/style.ts';
import { UsageError } from '../usage-error.ts';

export const help = `Usage: sla lint <policy files…> [--format text|json] [--strict] [--policies <dir>]

Loads each policy (as \`sla check\` does) and looks for what is valid but unsound as an SLA:
calendars with no working time or whose holidays stop, windows that never open, plan options no
item tells apart, refund rules that shadow one another, exclusions that never apply,
contradictory deadlines, clauses no item cites or missing a language, "days" where the clause
says "business days", durations over 3 years, per-subject counts of events without the subject.
Test files (*.test.yaml) are skipped.

Options:
  --format text|json  text (default): file:line:column: severity CODE message (help);
                      json: { "diagnostics": [...] } on stdout
  --strict            exit 1 on warnings too
  --policies <dir>    where policy ids are looked up (default: the bundled policies/)

Exit codes: 0 no error (warnings allowed unless --strict), 1 an error, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('lint', args, {
    ...policiesOption,
    format: { type: 'string' },
    strict: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('missing <policy files…>', 'lint');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format \`${format}\`: use text or json`, 'lint');
  const dir = policiesDir(values.policies);
  const out = process.stdout;
  const style = styleFor(out);
  const { lintPolicy } = await import('../../engine/analysis/lint/index.ts');
  const all: Diagnostic[] = [];
  for (const ref of positionals) {
    if (isTestFile(ref)) {
      if (format === 'text') out.write(`${ref}: ${style.dim('skipped (test file)')}\n`);
      continue;
    }
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await lintPolicy(await loadPolicyFile(await resolvePolicy(ref, dir)));
    } catch (e) {
      const found = diagnosticsOf(e);
      if (!found) throw e;
      diagnostics = found;
    }
    all.push(...diagnostics);
    if (format === 'json') continue;
    printDiagnostics(diagnostics, out);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const counts = [errors ? style.red(plural(errors, 'error')) : '', warnings ? style.yellow(plural(warnings, 'warning')) : ''].filter(Boolean);
    out.write(`${diagnostics[0]?.file ?? ref}: ${counts.length ? counts.join(', ') : style.green('clean')}\n`);
  }
  if (format === 'json') out.write(`${JSON.stringify({ diagnostics: all }, null, 2)}\n`);
  const failing = all.some((d) => d.severity === 'error' || values.strict);
  return failing ? EXIT_FINDING : EXIT_OK;
}
