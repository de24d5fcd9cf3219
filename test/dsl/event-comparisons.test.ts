// Comparisons on event attributes (`where hours >= 3`, `where hours { >= 3, < 8 }`) and entitlements
// answered per event (`each <event> [where …] [by <attr>]`): both forms give one IR, and a problem
// in either is reported at the words that cause it.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDsl, printDsl, printYaml } from '../../dsl/index.ts';
import { checkPolicy, compilePolicy, loadPolicy } from '../../engine/index.ts';

const yaml = `
id: shop
title: Shop
version: "1"
zone: UTC
sources: [ { file: shop.txt, lang: en } ]
plans: {}
events:
  booking:
    attributes:
      hours: { type: number }
      channel: { type: string, enum: [email, chat, forum] }
      ref: { type: string }
clauses:
  c: { text: { en: "c" } }
entitlements:
  - id: long
    clause: c
    when:
      - event: booking
        where:
          hours: { greater_than: 1, at_least: 3 }
          channel: { in: [email, chat] }
          ref: { not_equals: X }
  - id: short
    clause: c
    when: [ { event: booking, where: { hours: { less_than: 3 }, channel: [forum], ref: A } } ]
  - id: accepted
    clause: c
    each: { event: booking, where: { channel: { not_in: [forum] } }, subject: ref }
    when: [ { event: booking, where: { hours: { at_least: 3 } } } ]
`;

/** line:column (1-based) of the first occurrence of `needle` in `text` */
function positionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('comparisons and per-event entitlements in the DSL', () => {
  const ir = YAML.parse(yaml);

  it('prints each form as the DSL writes it and parses back to the same IR', () => {
    const text = printDsl(ir);
    expect(text).toContain('when event booking where hours { > 1, >= 3 }, channel { in [email, chat] }, ref != X\n');
    expect(text).toContain('when event booking where hours < 3, channel in [forum], ref = A\n');
    expect(text).toContain('entitlement accepted (clause c) {\n  each booking where channel not in [forum] by ref\n');
    const { policy, diagnostics } = parseDsl(text, { file: 'shop.sla' });
    expect(diagnostics).toEqual([]);
    expect(policy).toEqual(ir);
    expect(YAML.parse(printYaml(policy!))).toEqual(ir);
  });

  it('the YAML and its DSL compile to identical rules', () => {
    const fromYaml = loadPolicy({ source: yaml, file: 'shop.yaml' });
    const fromDsl = loadPolicy({ source: printDsl(ir), file: 'shop.sla' }, { parseDsl });
    expect(compilePolicy(fromDsl)).toEqual(compilePolicy(fromYaml));
  });

  it('reads one comparison as the short form where there is one, and several of one attribute in braces', () => {
    const head = 'policy p "P" version "1" zone UTC\nsource en "p.txt"\nevent b { n: number }\nclause c { en: "c" }\n';
    const where = (w: string) => parseDsl(`${head}entitlement e (clause c) { when event b where ${w} }\n`).policy!.entitlements![0].when![0];
    expect(where('n = 3')).toEqual({ event: 'b', where: { n: 3 } });
    expect(where('n in [1, 2]')).toEqual({ event: 'b', where: { n: [1, 2] } });
    expect(where('n <= 2.5')).toEqual({ event: 'b', where: { n: { at_most: 2.5 } } });
    expect(where('n { = 3 }')).toEqual({ event: 'b', where: { n: { equals: 3 } } });
    expect(where('n { }')).toEqual({ event: 'b', where: { n: {} } });
  });

  it('refuses an attribute given twice in one `where`, at the second', () => {
    const head = 'policy p "P" version "1" zone UTC\nsource en "p.txt"\nevent b { n: number }\nclause c { en: "c" }\n';
    const text = `${head}entitlement e (clause c) { when event b where n >= 3, n < 8 }\n`;
    const { diagnostics } = parseDsl(text, { file: 'p.sla' });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SLA1105', message: 'attribute `n` is given twice', ...positionOf(text, 'n < 8') })]);
  });
});

describe('comparisons are checked against the declared attribute types', () => {
  const cases: [string, string, string, string][] = [
    // [what, YAML replacement of the `long` where, code, the words underlined]
    ['an unknown attribute', '{ hour: { at_least: 3 } }', 'SLA3004', '{ at_least: 3 }'],
    ['a number comparison of a text attribute', '{ ref: { at_least: 3 } }', 'SLA3036', '3'],
    ['a value of the wrong type', '{ hours: { equals: many } }', 'SLA3011', 'many'],
    ['a value not among the declared ones', '{ channel: { in: [email, fax] } }', 'SLA3035', 'fax'],
    ['an empty list', '{ channel: { in: [] } }', 'SLA3080', '[]'],
    ['an empty list in the short form', '{ channel: [] }', 'SLA3080', '[]'],
    ['no comparison at all', '{ hours: {} }', 'SLA3081', '{}'],
  ];
  const longWhere = /where:\n {10}hours: \{ greater_than: 1, at_least: 3 \}\n {10}channel: \{ in: \[email, chat\] \}\n {10}ref: \{ not_equals: X \}/;

  it.each(cases)('%s is an error at its words, in YAML and in the DSL', (_, replacement, code, words) => {
    const source = yaml.replace(longWhere, `where: ${replacement}`);
    expect(source).not.toBe(yaml);
    const fromYaml = checkPolicy({ source, file: 'shop.yaml' });
    const line = source.split('\n').findIndex((l) => l.includes(`where: ${replacement}`)) + 1;
    const column = source.split('\n')[line - 1].indexOf(words, source.split('\n')[line - 1].indexOf('where:')) + 1;
    expect(fromYaml).toEqual([expect.objectContaining({ code, file: 'shop.yaml', line, column })]);
    const dsl = printDsl(YAML.parse(source));
    const fromDsl = checkPolicy({ source: dsl, file: 'shop.sla' }, { parseDsl });
    expect(fromDsl).toEqual([expect.objectContaining({ code, file: 'shop.sla', line: expect.any(Number) })]);
    expect(fromDsl[0].line).toBe(positionOf(dsl, 'entitlement long').line + 1);
  });

  it('refuses an entitlement both per event and per subject, and a subject attribute the event lacks', () => {
    const both = yaml.replace('  - id: accepted\n    clause: c\n', '  - id: accepted\n    clause: c\n    subject: ref\n');
    expect(checkPolicy({ source: both, file: 'shop.yaml' })).toEqual([
      expect.objectContaining({ code: 'SLA3082', ...positionOf(both, '{ event: booking, where: { channel: { not_in') }),
    ]);
    const unknown = yaml.replace('subject: ref }', 'subject: reff }');
    expect(checkPolicy({ source: unknown, file: 'shop.yaml' })).toEqual([
      expect.objectContaining({ code: 'SLA3004', help: 'did you mean `ref`?', ...positionOf(unknown, 'reff') }),
    ]);
    const dsl = printDsl(YAML.parse(unknown));
    expect(checkPolicy({ source: dsl, file: 'shop.sla' }, { parseDsl })).toEqual([expect.objectContaining({ code: 'SLA3004', ...positionOf(dsl, 'reff') })]);
  });
});
