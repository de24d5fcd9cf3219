// How `sla test` shows a case: ✓/✗ and its name; for a failure, each mismatch with the expected
// and actual values and the whole actual item, or the diagnostics that stopped the case.
import type { CaseOutcome, Mismatch } from '../../engine/testing/index.ts';
import { formatMismatch, showValue } from '../../engine/testing/index.ts';
import { diagnosticLines } from '../print-diagnostics.ts';
import { escapeStrings } from '../text/escape-controls.ts';
import type { Style } from '../text/style.ts';

const DETAIL = '      ';

export function formatCaseOutcome(raw: CaseOutcome, style: Style): string[] {
  const outcome = escapeStrings(raw); // names, values and messages come from the test file and the answer
  if (outcome.passed) return [`  ${style.green('✓')} ${outcome.name}`];
  const lines = [`  ${style.red('✗')} ${outcome.name}`];
  for (const line of diagnosticLines(outcome.diagnostics, style)) lines.push(line && DETAIL + line);
  if (outcome.error) lines.push(`${DETAIL}internal error: ${outcome.error}`);
  lines.push(...mismatchLines(outcome.mismatches, style));
  return lines;
}

function mismatchLines(mismatches: Mismatch[], style: Style): string[] {
  const lines: string[] = [];
  mismatches.forEach((m, i) => {
    const [title, ...rest] = formatMismatch(m);
    lines.push(DETAIL + style.bold(title));
    if (m.kind === 'missing') {
      lines.push(`${DETAIL}  expected: ${showValue(m.expected)}`);
      lines.push(`${DETAIL}  present:  ${m.present?.length ? m.present.join('; ') : '(none)'}`);
    } else {
      lines.push(...rest.map((l) => DETAIL + l.replace(/^ {2}(actual: +)/, (_, a: string) => `  ${style.red(a)}`)));
    }
    // The whole item once, after the last of its fields.
    if (m.item !== undefined && mismatches[i + 1]?.item !== m.item) {
      lines.push(`${DETAIL}  ${style.dim(`actual item: ${JSON.stringify(m.item)}`)}`);
    }
  });
  return lines;
}
