import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { dslLanguageId, monarchLanguage, parseDsl, printDsl, printYaml } from '../../dsl/index.ts';
import { lex } from '../../dsl/lexer.ts';
import { PolicyParser } from '../../dsl/parser.ts';
import { tokenDefs } from '../../dsl/tokens.ts';
import { checkPolicy } from '../../engine/index.ts';

const everything = readFileSync(new URL('./fixtures/format/everything.input.sla', import.meta.url), 'utf8');
function parsed(source: string) {
  const r = parseDsl(source, { file: 'p.sla' });
  expect(r.diagnostics).toEqual([]);
  return r;
}

describe('parseDsl', () => {
  it("has a grammar that passes chevrotain's checks (no ambiguity, no left recursion)", () => {
    expect(() => new PolicyParser(false, true)).not.toThrow();
    expect(() => new PolicyParser(true, true)).not.toThrow();
  });

  it('lowers the sample of the issue to the IR', () => {
    const { policy } = parsed(readFileSync(new URL('./fixtures/format/relokia-excerpt.input.sla', import.meta.url), 'utf8'));
    expect(policy!.deadlines![0]).toEqual({
      id: 'first_response',
      clause: 'response-times',
      subject: 'ticket',
      party: 'vendor',
      start: { event: 'ticket_opened', where: { channel: ['email', 'phone', 'chat'] } },
      stop: { event: 'ticket_answered' },
      duration: '24 hours',
      priority: { by: 'support', values: { standard: 'regular', premium: 'high', signature: 'highest' } },
    });
    expect(policy!.entitlements![0]).toEqual({
      id: 're_migration',
      clause: 're-migration',
      limit: 1,
      used: { count: { event: 're_migration' }, after: { event: 'full_migration_completed' } },
      until: { from: { event: 'full_migration_completed' }, add: { by: 'support', values: { standard: '3 days', premium: '5 days', signature: '10 days' } } },
      cost: { by: 'support', values: { standard: { percent: 100, of: 'migration_price' }, premium: { amount: 0 }, signature: { amount: 0 } } },
    });
  });

  it('maps IR JSON pointers back to the line:column that produced them', () => {
    const source = [
      'policy p "P" version "1" zone UTC', // 1
      'source en "p.txt"', // 2
      'deadline d (clause c) {', // 3
      '  vendor owes done within 3 days after start', // 4
      '  priority by tier { gold: high }', // 5
      '}', // 6
      'fact price: number >= 0', // 7
    ].join('\n');
    const { locate } = parsed(source);
    // each span ends just past the last character of its construct
    expect(locate('/deadlines/0')).toEqual({ line: 3, column: 1, endLine: 6, endColumn: 2 });
    expect(locate('/deadlines/0/duration')).toEqual({ line: 4, column: 27, endLine: 4, endColumn: 33 });
    expect(locate('/deadlines/0/start/event')).toEqual({ line: 4, column: 40, endLine: 4, endColumn: 45 });
    expect(locate('/deadlines/0/priority/values/gold')).toEqual({ line: 5, column: 22, endLine: 5, endColumn: 26 });
    expect(locate('/facts/price/minimum')).toEqual({ line: 7, column: 20, endLine: 7, endColumn: 24 });
    expect(locate('/facts/price/nothing/here')).toEqual({ line: 7, column: 6, endLine: 7, endColumn: 11 });
    expect(locate('/zone')).toEqual({ line: 1, column: 26, endLine: 1, endColumn: 34 });
  });

  it('turns `##` comments into descriptions and drops plain comments', () => {
    const { policy } = parsed('policy p "P" version "1" zone UTC\nsource en "p.txt"\n# plain\n## The price.\n##\n##  indented\nfact price: number\n');
    expect(policy!.facts!.price.description).toBe('The price.\n\n indented');
    expect(printDsl(policy!)).toContain('## The price.\n##\n##  indented\nfact price: number');
  });

  it('accepts keywords as names where nothing can be confused, and quoted names elsewhere', () => {
    const { policy } = parsed(
      'policy p "P" version "1" zone UTC\nsource en "p.txt"\nfact currency: string default USD\nevent within { hours: number }\nentitlement e (clause c) { used sum hours of "within" }\n',
    );
    expect(Object.keys(policy!.facts!)).toEqual(['currency']);
    expect(policy!.entitlements![0].used).toEqual({ sum: 'hours', of: { event: 'within' } });
  });

  it('keeps exactly the optional fields that are written', () => {
    const { policy } = parsed('policy p "P" version "1" zone UTC\nsource en "p.txt"\nno facts\nentitlement e (clause c) { no excess when always }\n');
    expect(policy!.facts).toEqual({});
    expect(policy!.entitlements![0]).toEqual({ id: 'e', clause: 'c', excess: false, when: [] });
    expect(policy!.deadlines).toBeUndefined();
  });
});

describe('known and pending instants in the DSL', () => {
  const head = 'policy p "P" version "1" zone UTC\nsource en "p.txt"\nevent payment\nevent begun\ninstant archived = begun + 3 days\n';

  it('`known` before an instant lowers to `known: true`, in every comparison and in `until`', () => {
    const { policy } = parsed(
      `${head}entitlement e (clause c) {\n  until known instant archived\n  when now before known payment + 30 days and event payment before known instant archived after begun\n}\n`,
    );
    const e = policy!.entitlements![0];
    expect(e.until).toEqual({ instant: 'archived', known: true });
    expect(e.when).toEqual([
      { now_before: { from: { event: 'payment' }, add: '30 days', known: true } },
      { event: 'payment', before: { instant: 'archived', known: true }, after: { from: { event: 'begun' } } },
    ]);
    expect(printDsl(policy!)).toContain('when now before known payment + 30 days\n    and event payment before known instant archived after begun');
  });

  it('`opens at` an event stays the event; an event plus a duration or a named instant is an instant', () => {
    const { policy } = parsed(
      `${head}entitlement a (clause c) { opens at last begun }\nentitlement b (clause c) { opens at payment + 2 days on x }\nentitlement d (clause c) { opens at instant archived }\n`,
    );
    expect(policy!.entitlements!.map((e) => e.opens)).toEqual([
      { event: 'begun', which: 'last' },
      { from: { event: 'payment' }, add: '2 days', calendar: 'x' },
      { instant: 'archived' },
    ]);
    expect(printDsl(policy!)).toMatch(/opens at last begun\n[^]*opens at payment \+ 2 days on x\n[^]*opens at instant archived\n/);
  });

  it('`known` means nothing for an opening (a pending one is never reached): refused at its span', () => {
    const source = `${head}entitlement a (clause c) { opens at known payment + 1 day }\n`;
    const errors = checkPolicy({ source, file: 'p.sla' }, { parseDsl }).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line, d.path])).toContainEqual(['SLA2002', 6, '/entitlements/0/opens/known']);
  });

  it('a name spelled like the new keyword is quoted by the printer and reads back', () => {
    const { policy } = parsed('policy p "P" version "1" zone UTC\nsource en "p.txt"\nevent "known"\nentitlement e (clause c) { until "known" + 1 day }\n');
    expect(policy!.entitlements![0].until).toEqual({ from: { event: 'known' }, add: '1 day' });
    expect(printDsl(policy!)).toContain('until "known" + 1 day');
  });
});

describe('printYaml', () => {
  it('prints YAML with the schema header that parses back to the same IR, keys in the documented order', () => {
    const { policy } = parsed(everything);
    const text = printYaml(policy!);
    expect(text.startsWith('# yaml-language-server: $schema=./policy.schema.json\n')).toBe(true);
    expect(YAML.parse(text)).toEqual(policy);
    const top = Object.keys(YAML.parse(text) as object);
    expect(top.slice(0, 9)).toEqual(['$schema', 'id', 'title', 'version', 'effective', 'zone', 'currency', 'calendar', 'sources']);
    expect(text).toMatch(/\n {2}- id: first_response\n {4}clause: response-times\n {4}title: First response\n/);
  });

  it('converts YAML → DSL → YAML without loss', () => {
    const { policy } = parsed(everything);
    const yaml = printYaml(policy!);
    const back = parsed(printDsl(YAML.parse(yaml))).policy!;
    expect(printYaml(back)).toBe(yaml);
  });
});

describe('monarchLanguage', () => {
  /** a Monarch interpreter for the root state: the first rule that matches at the position wins */
  function monarchTokens(source: string): { text: string; cls: string }[] {
    const out: { text: string; cls: string }[] = [];
    const rules = monarchLanguage.tokenizer.root.map(([re, action]) => [new RegExp(re.source, 'y'), action] as const);
    for (const line of source.split('\n')) {
      let pos = 0;
      while (pos < line.length) {
        let matched = false;
        for (const [re, action] of rules) {
          re.lastIndex = pos;
          const m = re.exec(line);
          if (!m || m[0].length === 0) continue;
          const cls = typeof action === 'string' ? action : monarchLanguage.keywords.includes(m[0]) ? 'keyword' : 'identifier';
          out.push({ text: m[0], cls });
          pos += m[0].length;
          matched = true;
          break;
        }
        if (!matched) {
          out.push({ text: line[pos], cls: 'invalid' });
          pos++;
        }
      }
    }
    return out.filter((t) => t.cls !== 'white' && t.cls !== 'comment');
  }

  it('is built from the same token definitions as the lexer and splits text the same way', () => {
    expect(dslLanguageId).toBe('sla');
    const clsOf = new Map(tokenDefs.map((d) => [d.token.name, d.cls]));
    const lexed = lex(everything);
    const fromLexer = [...lexed.tokens, ...(lexed.groups.docs ?? [])]
      .sort((a, b) => a.startOffset - b.startOffset)
      .map((t) => ({
        text: t.image,
        cls: clsOf.get(t.tokenType.name) === 'delimiter' && /[{}()[\]]/.test(t.image) ? '@brackets' : clsOf.get(t.tokenType.name)!,
      }));
    expect(monarchTokens(everything)).toEqual(fromLexer);
  });

  it('colours keywords, names, strings, durations and dates', () => {
    expect(monarchTokens('deadline first_response within 24 hours (business days) "x" 2024-01-01 # c')).toEqual([
      { text: 'deadline', cls: 'keyword' },
      { text: 'first_response', cls: 'identifier' },
      { text: 'within', cls: 'keyword' },
      { text: '24 hours (business days)', cls: 'number.duration' },
      { text: '"x"', cls: 'string' },
      { text: '2024-01-01', cls: 'number.date' },
    ]);
  });
});

describe('line endings', () => {
  it('reads a file with CRLF line endings as the same policy', () => {
    const source = readFileSync(new URL('./fixtures/format/everything.input.sla', import.meta.url), 'utf8');
    const crlf = parseDsl(source.replace(/\n/g, '\r\n'));
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.policy).toEqual(parseDsl(source).policy);
  });

  it('keeps a description holding a carriage return, written as a JSON string', () => {
    const { policy } = parsed('policy p "P" version "1" zone UTC\nsource en "p.txt"\n##"a\\r\\nb"\nfact price: number\n');
    expect(policy!.facts!.price.description).toBe('a\r\nb');
    expect(printDsl(policy!)).toContain('##"a\\r\\nb"\nfact price: number');
  });
});
