// `sla fmt [--write] [--check] <file…>`: DSL files in their canonical form (parse, then print).
import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadDsl } from '../dsl.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { printDiagnostics } from '../print-diagnostics.ts';
import { readSourceFile } from '../read-source-file.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { UsageError } from '../usage-error.ts';
import { escapeControls } from '../text/escape-controls.ts';

export const help = `Usage: sla fmt [--write | --check] <file…>

Formats DSL (.sla) policy files canonically. Prints the formatted text, or with --write rewrites
each file that changes; with --check lists the files that are not formatted (exit 1 if any).
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('fmt', args, {
    write: { type: 'boolean' },
    check: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('missing <file…>', 'fmt');
  if (values.write && values.check) throw new UsageError('use either --write or --check', 'fmt');
  const notDsl = positionals.find((p) => extname(p) !== '.sla');
  if (notDsl) {
    throw new UsageError(`\`${notDsl}\` is not a DSL file (.sla)`, 'fmt', 'to turn a YAML policy into the DSL: sla convert --to dsl <file>');
  }
  const { formatDsl } = await loadDsl();
  let failed = false;
  for (const path of positionals) {
    try {
      const { file, text } = await readSourceFile(path);
      // The canonical form, keeping the file's `#` comments.
      const { text: formatted, diagnostics } = formatDsl(text, { file });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0 || formatted === undefined) {
        printDiagnostics(errors, process.stderr);
        failed = true;
        continue;
      }
      if (values.check) {
        if (formatted !== text) {
          process.stdout.write(`${escapeControls(file)}: not formatted\n`);
          failed = true;
        }
      } else if (values.write) {
        // Compare with what is on disk now, to leave untouched files untouched.
        if (formatted !== (await readFile(path, 'utf8'))) {
          await writeFile(path, formatted);
          process.stdout.write(`formatted ${escapeControls(file)}\n`);
        }
      } else {
        process.stdout.write(formatted);
      }
    } catch (e) {
      const diagnostics = diagnosticsOf(e);
      if (!diagnostics) throw e;
      printDiagnostics(diagnostics, process.stderr);
      failed = true;
    }
  }
  return failed ? EXIT_FINDING : EXIT_OK;
}
