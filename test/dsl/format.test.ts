// Prettier-style formatter tests: golden output, idempotence, meaning unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDsl, parseDsl } from '../../dsl/index.ts';

const dir = new URL('./fixtures/format/', import.meta.url);
const inputs = readdirSync(dir)
  .filter((f) => f.endsWith('.input.sla'))
  .sort();

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
  }

  it('keeps every comment, above the declaration it belongs to', () => {
    const out = format(readFileSync(new URL('comments.input.sla', dir), 'utf8'));
    for (const c of [
      '# Acme',
      '# the header',
      '# still the header',
      '# where the text',
      '# about fact a',
      '# trailing remark',
      '# inside the deadline',
      '# an empty marker',
      '# the end',
    ]) {
      expect(out).toContain(c);
    }
    expect(out.indexOf('# about fact a')).toBeLessThan(out.indexOf('fact a:'));
    expect(out.indexOf('# about fact a')).toBeGreaterThan(out.indexOf('fact b:'));
    expect(out.indexOf('# inside the deadline')).toBeLessThan(out.indexOf('deadline d'));
    expect(out.trimEnd().endsWith('# the end')).toBe(true);
  });

  it('lays out a declaration canonically: one clause per line, two-space indent, a blank line between', () => {
    const source = 'policy   tiny   "Tiny"   version "1"   zone UTC\nsource en "tiny.txt"\nfact  price :  number   default 0\n';
    expect(format(source)).toBe('policy tiny "Tiny"\n  version "1"\n  zone UTC\n\nsource en "tiny.txt"\n\nfact price: number default 0\n');
  });

  it('reads CRLF line ends and writes LF, with the same result as the LF file', () => {
    const source = readFileSync(new URL('comments.input.sla', dir), 'utf8');
    const crlf = format(source.replace(/\n/g, '\r\n'));
    expect(crlf).not.toContain('\r');
    expect(crlf).toBe(format(source));
  });

  it('drops a leading byte order mark', () => {
    const source = 'policy tiny "Tiny" version "1" zone UTC\nsource en "tiny.txt"\n';
    const out = format(`\uFEFF${source}`);
    expect(out.startsWith('policy tiny "Tiny"\n')).toBe(true);
    expect(out).toBe(format(source));
  });

  it('refuses a file with a syntax error instead of printing something else', () => {
    const { text, diagnostics } = formatDsl('policy tiny "Tiny" version "1" zone UTC\nfact price number\n');
    expect(text).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
  });
});
