import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDsl, parseDsl, printDsl } from '../../dsl/index.ts';
import { codes } from '../../engine/diagnostics/codes.ts';
import { policyArb } from './arbitrary-policy.ts';

const RUNS = Number(process.env.SLA_PROPERTY_RUNS ?? 300);

describe('printDsl and parseDsl', () => {
  it('give back the same IR for any IR: print → parse is the identity', () => {
    fc.assert(
      fc.property(policyArb, (ir) => {
        const text = printDsl(ir);
        const { policy, diagnostics } = parseDsl(text);
        expect(diagnostics).toEqual([]);
        expect(policy).toEqual(ir);
        expect(printDsl(policy!)).toBe(text);
        expect(formatDsl(text)).toEqual({ text, diagnostics: [] });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseDsl on arbitrary input', () => {
  const check = (source: string, recover: boolean) => {
    const result = parseDsl(source, { file: 'x.sla', recover });
    expect(Array.isArray(result.diagnostics)).toBe(true);
    for (const d of result.diagnostics) {
      expect(d.code in codes).toBe(true);
      expect(d.code.startsWith('SLA1')).toBe(true);
      expect(d.help).toEqual(expect.any(String));
      expect(d.message).toEqual(expect.any(String));
    }
    if (result.policy === undefined) expect(result.diagnostics.length).toBeGreaterThan(0);
  };
  const bytes = fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder('latin1').decode(b));
  const tokenSoup = fc
    .array(
      fc.constantFrom(
        'policy',
        'x',
        '"t"',
        '{',
        '}',
        '[',
        ']',
        '(',
        ')',
        'deadline',
        'vendor',
        'owes',
        'within',
        '24 hours',
        'after',
        'when',
        'and',
        'or',
        'fact',
        '=',
        ',',
        ':',
        'event',
        'where',
        'by',
        'plan',
        '|',
        '\n',
        ' ',
        '#',
        '##',
        '01-01',
        '2024-01-01',
        '%',
        '-',
        '+',
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join(' '));
  for (const recover of [false, true]) {
    it(`never throws and reports only typed diagnostics (recover: ${recover})`, () => {
      fc.assert(
        fc.property(fc.oneof(bytes, fc.string({ unit: 'binary' }), tokenSoup), (s) => check(s, recover)),
        { numRuns: RUNS },
      );
    });
    it(`never throws on a mutated valid policy (recover: ${recover})`, () => {
      fc.assert(
        fc.property(policyArb, fc.nat(), fc.nat(20), fc.string({ maxLength: 3 }), (ir, at, cut, insert) => {
          const text = printDsl(ir);
          const i = at % (text.length + 1);
          check(text.slice(0, i) + insert + text.slice(i + cut), recover);
        }),
        { numRuns: RUNS },
      );
    });
  }
});
