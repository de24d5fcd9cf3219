// docs/diagnostics.md and codes.ts stay in step: every code has its section (titled with the
// code's summary), no section documents a code that does not exist, and every example given as a
// diff prints what the section says it prints.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes } from '../../engine/diagnostics/codes.ts';
import { applyDiff, printedFor, type ExampleFile } from './doc-examples.ts';

const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
const blocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]);

const sections = doc
  .split(/^## /m)
  .slice(1)
  .map((s) => ({ title: s.slice(0, s.indexOf('\n')), body: s }))
  .filter((s) => /^SLA\d{4} /.test(s.title));
const base = Object.fromEntries(
  blocks(doc.slice(0, doc.indexOf('\n## SLA')), 'yaml').map((b) => [b.slice(2, b.indexOf('\n')), `${b.slice(b.indexOf('\n') + 1)}\n`]),
) as Record<ExampleFile, string>;

describe('docs/diagnostics.md', () => {
  it('documents every code once, under its summary, and no other', () => {
    const documented = sections.map((s) => s.title);
    expect(documented).toEqual(Object.entries(codes).map(([code, info]) => `${code} ${info.summary}`));
  });

  it('has an example, printed, for every code', () => {
    for (const s of sections) expect(blocks(s.body, 'text').join('\n'), s.title).toContain(s.title.slice(0, 7));
  });

  const examples = sections.filter((s) => s.body.includes('```diff'));
  it.each(examples.map((s) => [s.title, s] as const))('%s: the example prints what the section shows', async (_, s) => {
    const [diff] = blocks(s.body, 'diff');
    const file = diff.slice(2, diff.indexOf('\n')) as ExampleFile;
    const [shown] = blocks(s.body, 'text');
    expect(await printedFor(file, applyDiff(base[file], diff), base['policy.yaml'])).toBe(shown);
  });
});
