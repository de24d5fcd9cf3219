// Prettier-style formatter tests: golden output, idempotence, meaning unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDsl, parseDsl, printDsl } from '../../dsl/index.ts';

const dir = new URL('./fixtures/format/', import.meta.url);
const inputs = readdirSync(dir).filter((f) => f.endsWith('.input.sla')).sort();

const parse = (source: string) => {
  const { policy, diagnostics } = parseDsl(source, { recover: true });
  expect(diagnostics).toEqual([]);
  return policy!;
};

const format = (source: string) => {
  const { text, diagnostics } = formatDsl(source);
  expect(diagnostics).toEqual([]);
  return text!;
};

describe('sla fmt (formatDsl: the canonical form, keeping comments)', () => {
  for (const f of inputs) {
    const source = readFileSync(new URL(f, dir), 'utf8');
    it(`${f}: prints the golden canonical form`, async () => {
      await expect(format(source)).toMatchFileSnapshot(`./fixtures/format/${f.replace('.input.sla', '.output.sla')}`);
    });
    it(`${f}: formatting twice equals formatting once`, () => {
      const once = format(source);
      expect(format(once)).toBe(once);
    });
    it(`${f}: leaves the IR unchanged`, () => {
      expect(parse(format(source))).toEqual(parse(source));
    });
    it(`${f}: without its comments, is printDsl of the IR`, () => {
      const bare = source.replace(/(^|[^#"])#(?!#)[^\n]*/g, '$1');
      expect(format(bare)).toBe(printDsl(parse(source)));
    });
  }

  it('keeps every comment, above the declaration it belongs to', () => {
    const out = format(readFileSync(new URL('comments.input.sla', dir), 'utf8'));
    for (const c of ['# Acme', '# the header', '# still the header', '# where the text', '# about fact a', '# trailing remark', '# inside the deadline', '# an empty marker', '# the end']) {
      expect(out).toContain(c);
    }
    expect(out.indexOf('# about fact a')).toBeLessThan(out.indexOf('fact a:'));
    expect(out.indexOf('# about fact a')).toBeGreaterThan(out.indexOf('fact b:'));
    expect(out.indexOf('# inside the deadline')).toBeLessThan(out.indexOf('deadline d'));
    expect(out.trimEnd().endsWith('# the end')).toBe(true);
  });
});
