// The lowering is a chevrotain CST visitor over a labelled grammar: it covers every rule, and the
// CST types it is written against are the ones the grammar gives.
import { generateCstDts } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { PolicyParser } from '../../dsl/parser.ts';
import { visitorClass } from '../../dsl/lower/visitor.ts';

const HEADER = [
  "// Generated from the grammar (dsl/parser.ts) by chevrotain's generateCstDts: the CST node types the",
  '// lowering reads. test/dsl/visitor.test.ts keeps it current (`npx vitest run test/dsl/visitor.test.ts -u`).',
].join('\n');

describe('the lowering visitor', () => {
  const parser = new PolicyParser(false);

  it('has a method for every rule of the grammar (validateVisitor passes on construction)', () => {
    const V = visitorClass(parser);
    expect(() => new V()).not.toThrow();
    const rules = Object.keys(parser.getGAstProductions());
    expect(rules.length).toBeGreaterThan(70);
    for (const rule of rules) expect(typeof (V.prototype as unknown as Record<string, unknown>)[rule], rule).toBe('function');
  });

  it('refuses a visitor with a rule left out: validateVisitor is what checks it', () => {
    const V = visitorClass(parser);
    class Incomplete extends V {}
    Object.defineProperty(Incomplete.prototype, 'holidayMod', { value: undefined });
    expect(() => new Incomplete()).toThrow(/holidayMod/);
  });

  it('is written against the CST types of the current grammar (dsl/cst.generated.ts)', async () => {
    const dts = generateCstDts(parser.getGAstProductions(), { visitorInterfaceName: 'PolicyCstVisitor' });
    await expect(`${HEADER}\n${dts}\n`).toMatchFileSnapshot('../../dsl/cst.generated.ts');
  });
});
