// How any error ends a command: diagnostics for bad input (exit 1), a usage message (exit 2),
// and for anything else one line (exit 2); a stack trace only with SLA_DEBUG=1.
import type { Diagnostic } from '../engine/diagnostics/index.ts';
import { badUsage } from '../engine/diagnostics/tool-problems.ts';
import { printDiagnostics } from './print-diagnostics.ts';
import { escapeControls } from './text/escape-controls.ts';
import { styleFor } from './text/style.ts';
import { UnavailableError } from './unavailable-error.ts';
import { UsageError } from './usage-error.ts';

export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_USAGE = 2;

/** SlaError by shape too, so this module need not load the engine. */
export function diagnosticsOf(e: unknown): Diagnostic[] | undefined {
  const ds = (e as { diagnostics?: unknown } | null)?.diagnostics;
  return e instanceof Error && e.name === 'SlaError' && Array.isArray(ds) ? (ds as Diagnostic[]) : undefined;
}

export function reportError(e: unknown, stderr: NodeJS.WriteStream = process.stderr): number {
  const style = styleFor(stderr);
  const debug = Boolean(process.env.SLA_DEBUG) && process.env.SLA_DEBUG !== '0';
  if (e instanceof UsageError) {
    printDiagnostics([badUsage(e.message, e.help)], stderr);
    stderr.write(style.dim(`run \`sla ${e.command ? `${e.command} ` : ''}--help\` for usage\n`));
    return EXIT_USAGE;
  }
  const diagnostics = diagnosticsOf(e);
  if (diagnostics) {
    printDiagnostics(diagnostics, stderr);
    if (debug) stderr.write(`${(e as Error).stack}\n`);
    return EXIT_FINDING;
  }
  if (e instanceof UnavailableError) {
    stderr.write(`sla: ${escapeControls(e.message)}\n`);
    return EXIT_USAGE;
  }
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  stderr.write(`sla: internal error: ${escapeControls(message)}${debug ? '' : ' (set SLA_DEBUG=1 for details)'}\n`);
  if (debug && e instanceof Error) stderr.write(`${e.stack}\n`);
  return EXIT_USAGE;
}
