// Prettier-style formatter tests: golden output, idempotence, meaning unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDsl, printDsl } from '../../dsl/index.ts';

const dir = new URL('./fixtures/format/', import.meta.url);
const inputs = readdirSync(dir).filter((f) => f.endsWith('.input.sla')).sort();

const parse = (source: string) => {
  const { policy, diagnostics } = parseDsl(source, { recover: true });
  expect(diagnostics).toEqual([]);
  return policy!;
};

describe('sla fmt (printDsl of the parsed file)', () => {
  for (const f of inputs) {
    const source = readFileSync(new URL(f, dir), 'utf8');
    it(`${f}: prints the golden canonical form`, async () => {
      await expect(printDsl(parse(source))).toMatchFileSnapshot(`./fixtures/format/${f.replace('.input.sla', '.output.sla')}`);
    });
    it(`${f}: formatting twice equals formatting once`, () => {
      const once = printDsl(parse(source));
      expect(printDsl(parse(once))).toBe(once);
    });
    it(`${f}: leaves the IR unchanged`, () => {
      expect(parse(printDsl(parse(source)))).toEqual(parse(source));
    });
  }
});
