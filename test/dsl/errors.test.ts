import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseDsl } from '../../dsl/index.ts';
import { codeFrames } from './code-frame.ts';

const dir = new URL('./fixtures/errors/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.sla'))
  .sort();

describe('syntax errors', () => {
  for (const f of fixtures) {
    const source = readFileSync(new URL(f, dir), 'utf8');
    it(`${f}: fail-fast reports the first error, recovery reports several, each with line:column and help`, async () => {
      const fast = parseDsl(source, { file: f });
      const slow = parseDsl(source, { file: f, recover: true });
      expect(fast.policy).toBeUndefined();
      expect(slow.policy).toBeUndefined();
      expect(fast.diagnostics).toHaveLength(1);
      expect(slow.diagnostics.length).toBeGreaterThanOrEqual(1);
      expect(slow.diagnostics[0]).toEqual(fast.diagnostics[0]);
      for (const d of slow.diagnostics) {
        expect(d).toMatchObject({ severity: 'error', file: f, line: expect.any(Number), column: expect.any(Number), help: expect.any(String) });
        expect(d.code).toMatch(/^SLA1\d{3}$/);
      }
      await expect(`${codeFrames(source, slow.diagnostics)}\n`).toMatchFileSnapshot(`./fixtures/errors/${f.replace(/\.sla$/, '.frames.txt')}`);
    });
  }

  it('reports several errors in one file when recovering', () => {
    const source = readFileSync(new URL('several-errors.sla', dir), 'utf8');
    const lines = parseDsl(source, { recover: true }).diagnostics.map((d) => d.line);
    expect(new Set(lines).size).toBeGreaterThanOrEqual(3);
  });

  it('suggests the keyword a misspelling is near', () => {
    const source = readFileSync(new URL('misspelled-keyword.sla', dir), 'utf8');
    expect(parseDsl(source).diagnostics[0].help).toMatch(/did you mean `deadline`\?/);
  });

  it('caps the nesting depth with a diagnostic instead of overflowing the stack', () => {
    const deep = `policy a "A" version "1" zone UTC\nfact x: number in ${'['.repeat(100_000)}`;
    const { diagnostics } = parseDsl(deep, { recover: true });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SLA1103', line: 2, column: 18 + MAX_NESTING + 1, help: expect.any(String) })]);
  });

  it('refuses input over 1 MB', () => {
    const big = `policy a "A" version "1" zone UTC\n${'# padding\n'.repeat(110_000)}`;
    expect(parseDsl(big).diagnostics).toEqual([expect.objectContaining({ code: 'SLA1004', line: 1, column: 1 })]);
  });

  it('reports an empty file', () => {
    expect(parseDsl('  \n# only a comment\n').diagnostics[0]).toMatchObject({ code: 'SLA1102' });
    expect(parseDsl('').diagnostics[0]).toMatchObject({ code: 'SLA1006', help: expect.any(String) });
  });
});
