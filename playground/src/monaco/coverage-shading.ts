// The test file's coverage shaded on the policy editor's lines, for the text it was measured on:
// an edit (or another policy) clears it, since the lines no longer say what the tests saw.
import { effect } from '@preact/signals';
import { policyModel } from '../models.ts';
import { coverage, policyFormat, policySource } from '../state.ts';
import type { CoverageShade } from '../worker/protocol.ts';
import { monaco } from './setup.ts';

export const SHADE_LABEL: Record<CoverageShade, string> = { both: 'seen both ways', one: 'seen one way only', never: 'never seen' };

const shown = new Map<monaco.editor.ITextModel, string[]>();

effect(() => {
  const c = coverage.value;
  const model = policyModel(policyFormat.value);
  const current = c && c.format === policyFormat.value && c.source === policySource.value ? c : undefined;
  const decorations = (current?.lines ?? [])
    .filter(([line]) => line <= model.getLineCount())
    .map(([line, shade]) => ({
      range: new monaco.Range(line, 1, line, 1),
      options: {
        isWholeLine: true,
        className: `coverage-${shade}`,
        linesDecorationsClassName: `coverage-gutter-${shade}`,
        hoverMessage: { value: `tests: ${SHADE_LABEL[shade]}` },
      },
    }));
  for (const [m, ids] of shown) if (m !== model) shown.set(m, m.deltaDecorations(ids, []));
  shown.set(model, model.deltaDecorations(shown.get(model) ?? [], decorations));
});
