// The `any` condition (at least one of several) in the DSL: `(A or B) because "…"`.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDsl, printDsl, printYaml } from '../../dsl/index.ts';
import { compilePolicy, loadPolicy } from '../../engine/index.ts';
import { SlaError } from '../../engine/diagnostics/index.ts';

const yaml = `
id: acme
title: Acme
version: "1"
zone: Europe/Kyiv
sources:
  - { file: acme.txt, lang: en }
plans:
  support: { options: [standard, premium] }
facts:
  price: { type: number, minimum: 0 }
  source_type: { type: string, enum: [platform, database_dump], default: platform }
events:
  payment: {}
  re_migration: {}
  refund_requested: {}
  issue_reported: { attributes: { fault: { type: string, enum: [vendor, client] } } }
calendars:
  support: { zone: Europe/Kyiv, days: [mon, tue, wed, thu, fri] }
clauses:
  terms: { text: { en: The terms. } }
entitlements:
  - id: re_migration
    clause: terms
    when:
      - any:
          - { fact: source_type, equals: database_dump }
          - { event: re_migration, reason: a re-migration was requested }
        reason: a database dump, or a re-migration
      - { plan: support, in: [premium] }
    fields:
      reachable:
        any:
          - { open: support }
          - { now_before: { from: { event: payment }, add: 30 days }, reason: within 30 days of the payment }
refund:
  clause: terms
  basis: price
  request: { event: refund_requested }
  rules:
    - id: unused
      when:
        - any:
            - { event: re_migration, exists: false }
            - { now_before: { from: { event: payment }, add: 30 days } }
            - { fact: price, at_most: 0, reason: nothing was paid }
      percent: 95
      reason: the service was not used
      exclusions:
        - id: dump
          reason: dumps are excluded
          when:
            any:
              - { fact: source_type, equals: database_dump }
              - { event: issue_reported, where: { fault: client } }
`;

/** the span (1-based, end just past it) of the first occurrence of `needle` in `text`, on one line */
function positionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + needle.length };
}
const end = ({ endLine, endColumn }: { endLine: number; endColumn: number }) => ({ endLine, endColumn });
const startOf = (text: string, needle: string) => {
  const { line, column } = positionOf(text, needle);
  return { line, column };
};

describe('any conditions: `(A or B) because "…"`', () => {
  const ir = YAML.parse(yaml);

  it('a YAML policy using `any` converts to DSL and back to the same IR', () => {
    const text = printDsl(ir);
    expect(text).toContain(
      '  when (fact source_type = database_dump or event re_migration because "a re-migration was requested")\n' +
        '      because "a database dump, or a re-migration"\n' +
        '    and plan support in [premium]\n',
    );
    expect(text).toContain('  field reachable: (open support or now before payment + 30 days because "within 30 days of the payment")\n');
    expect(text).toContain(
      'except dump because "dumps are excluded"\n      when (fact source_type = database_dump or event issue_reported where fault = client)\n',
    );
    const { policy, diagnostics } = parseDsl(text, { file: 'acme.sla' });
    expect(diagnostics).toEqual([]);
    expect(policy).toEqual(ir);
    expect(YAML.parse(printYaml(policy!))).toEqual(ir);
  });

  it('the YAML and its DSL load and compile to identical rules', () => {
    const fromYaml = loadPolicy({ source: yaml, file: 'acme.yaml' });
    const fromDsl = loadPolicy({ source: printDsl(ir), file: 'acme.sla' }, { parseDsl });
    expect(fromDsl.ir).toEqual(fromYaml.ir);
    expect(compilePolicy(fromDsl)).toEqual(compilePolicy(fromYaml));
  });

  it('maps pointers into a group to the DSL text', () => {
    const text = printDsl(ir);
    const { locate } = parseDsl(text);
    const group = positionOf(text, '(fact source_type');
    // the group and its reason, on the next line
    expect(locate('/entitlements/0/when/0')).toEqual({
      ...startOf(text, '(fact source_type'),
      ...end(positionOf(text, '"a database dump, or a re-migration"')),
    });
    expect(locate('/entitlements/0/when/0/any')).toEqual({ ...group, endColumn: group.column + 1 });
    // a name a condition tests is where an unknown name is underlined
    expect(locate('/entitlements/0/when/0/any/0/fact')).toEqual({ ...group, column: group.column + '(fact '.length });
    const alternative = positionOf(text, 'event re_migration because');
    expect(locate('/entitlements/0/when/0/any/1/event')).toEqual({
      ...alternative,
      column: alternative.column + 'event '.length,
      endColumn: alternative.column + 'event re_migration'.length,
    });
    expect(locate('/entitlements/0/when/0/any/1/reason')).toEqual(positionOf(text, '"a re-migration was requested"'));
    expect(locate('/entitlements/0/when/0/reason')).toEqual(positionOf(text, '"a database dump, or a re-migration"'));
    expect(locate('/entitlements/0/fields/reachable/any/1')).toEqual(positionOf(text, 'now before payment + 30 days because "within 30 days of the payment"'));
    expect(locate('/entitlements/0/fields/reachable/any/1/now_before')).toEqual(positionOf(text, 'payment + 30 days'));
    expect(locate('/refund/rules/0/when/0/any/2')).toEqual(positionOf(text, 'fact price <= 0 because "nothing was paid"'));
    expect(locate('/refund/rules/0/exclusions/0/when/any/1')).toEqual(positionOf(text, 'event issue_reported where fault = client'));
  });

  it('a policy error inside a group points at the alternative in the .sla', () => {
    const text = printDsl(ir).replace('event issue_reported where fault = client', 'event issue_reported where fault = nobody');
    try {
      loadPolicy({ source: text, file: 'acme.sla' }, { parseDsl });
      expect.unreachable('the policy should be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(SlaError);
      const d = (e as SlaError).diagnostics[0];
      expect(d.message).toContain('nobody');
      expect(d).toMatchObject({ file: 'acme.sla', ...positionOf(text, 'fault = nobody') });
    }
  });

  it('prints a group too long for one line with one alternative a line, each `or` under the first', () => {
    const long = { ...ir, entitlements: [{ ...ir.entitlements[0], when: [ir.entitlements[0].when[0], ir.refund.rules[0].when[0]] }] };
    const text = printDsl(long);
    expect(text).toContain(
      [
        '  when (fact source_type = database_dump or event re_migration because "a re-migration was requested")',
        '      because "a database dump, or a re-migration"',
        '    and (no event re_migration',
        '      or now before payment + 30 days',
        '      or fact price <= 0 because "nothing was paid")',
        '  field reachable:',
      ].join('\n'),
    );
    expect(text).toContain(
      ['    when (no event re_migration', '       or now before payment + 30 days', '       or fact price <= 0 because "nothing was paid")'].join('\n'),
    );
    expect(parseDsl(text).policy).toEqual(long);
  });

  it('refuses a group of one and a group inside a group, with line:column and help', () => {
    const head = 'policy p "P" version "1" zone UTC\nsource en "p.txt"\nentitlement e (clause c) {\n';
    const one = parseDsl(`${head}  when (fact a = 1) because "x"\n}\n`, { file: 'p.sla' }).diagnostics;
    expect(one).toEqual([
      expect.objectContaining({
        code: 'SLA1112',
        line: 4,
        column: 8,
        endLine: 4,
        endColumn: 20,
        message: expect.stringContaining('at least two alternatives'),
        help: expect.stringContaining('drop the parentheses'),
      }),
    ]);
    const nested = parseDsl(`${head}  field f: (fact a = 1 or (event b or open c))\n}\n`, { file: 'p.sla' }).diagnostics;
    expect(nested).toEqual([
      expect.objectContaining({
        code: 'SLA1111',
        line: 4,
        column: 27,
        endLine: 4,
        endColumn: 46,
        message: expect.stringContaining('cannot hold another group'),
        help: expect.stringContaining('(A or B or C)'),
      }),
    ]);
    const and = parseDsl(`${head}  when (fact a = 1 and event b)\n}\n`, { file: 'p.sla' }).diagnostics;
    expect(and).toEqual([
      expect.objectContaining({ code: 'SLA1102', line: 4, column: 20, endLine: 4, endColumn: 23, help: expect.stringContaining('(A or B) and C') }),
    ]);
  });
});
