// What a user sees underlined in a broken .sla file: every diagnostic of the DSL front end, and of
// the stages after it, carries the span (start, and the position just past its end) of the text
// at fault, and one code per kind of problem.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDsl } from '../../dsl/index.ts';
import { SlaError, type Diagnostic } from '../../engine/diagnostics/index.ts';
import { loadPolicy } from '../../engine/index.ts';

const HEAD = 'policy p "P" version "1" zone UTC\nsource en "p.txt"\nclause c { en: "C" }\n';

/** the span of the first occurrence of `needle` (on one line) in `text`, 1-based, end exclusive */
function spanOf(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  expect(at, `"${needle}" in the source`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { line, column, endLine: line, endColumn: column + needle.length };
}

/** the text a diagnostic's span covers */
function underlined(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  expect(d.endLine).toBe(d.line);
  return lines[d.line! - 1].slice(d.column! - 1, d.endColumn! - 1);
}

const first = (text: string) => parseDsl(text, { file: 'p.sla' }).diagnostics[0];

function loadErrors(text: string, file = 'p.sla'): Diagnostic[] {
  try {
    loadPolicy({ source: text, file }, { parseDsl });
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
  return [];
}

describe('spans of DSL diagnostics', () => {
  it('a stray character: the character', () => {
    const text = `${HEAD}fact price: number € 3\n`;
    expect(first(text)).toMatchObject({ code: 'SLA1101', ...spanOf(text, '€') });
  });

  it('an unterminated string: from the quote to the end of the line', () => {
    const text = `${HEAD}clause d { en: "never closed }\nfact x: number\n`;
    expect(first(text)).toMatchObject({ code: 'SLA1116', ...spanOf(text, '"never closed }') });
  });

  it('a misspelled keyword: the word, with the keyword it is near', () => {
    const text = `${HEAD}deadlin d (clause c) {}\n`;
    const d = first(text);
    expect(d).toMatchObject({ code: 'SLA1102', ...spanOf(text, 'deadlin') });
    expect(d.help).toMatch(/did you mean `deadline`/);
  });

  it('a keyword where a name must be: the keyword, with its own code', () => {
    const text = `${HEAD}deadline d (clause c) {\n  vendor owes within within 1 day after payment\n}\n`;
    const d = first(text);
    expect(d.code).toBe('SLA1115');
    expect(underlined(text, d)).toBe('within');
    expect(d.column).toBe(spanOf(text, 'within').column);
  });

  it('the end of the file where more was expected: an empty span just past the last token', () => {
    const text = `${HEAD}deadline d (clause c) {\n  internal\n`;
    const d = first(text);
    const after = spanOf(text, 'internal');
    expect(d).toMatchObject({ code: 'SLA1102', line: after.line, column: after.endColumn, endLine: after.line, endColumn: after.endColumn });
  });

  it('a number out of range, a bad weekday range, an Easter offset in hours: each its own code and the value', () => {
    const text = `${HEAD}calendar b {\n  days fri..mon\n  holiday "T" on orthodox easter + 49 hours\n}\nentitlement e (clause c) { limit 1e999 }\n`;
    const ds = parseDsl(text, { file: 'p.sla', recover: true }).diagnostics;
    expect(ds.map((d) => [d.code, underlined(text, d)])).toEqual([
      ['SLA1107', 'fri..mon'],
      ['SLA1108', '49 hours'],
      ['SLA1106', '1e999'],
    ]);
  });

  it('a name defined twice: the second name; a line given twice: the second line', () => {
    const text = `${HEAD}fact price: number\nfact price: integer\ndeadline d (clause c) {\n  calendar a\n  calendar b\n}\n`;
    const ds = parseDsl(text, { file: 'p.sla', recover: true }).diagnostics;
    expect(ds).toEqual([
      expect.objectContaining({ code: 'SLA1105', ...spanOf(text, 'price', text.indexOf('integer') - 10) }),
      expect.objectContaining({ code: 'SLA1105', ...spanOf(text, 'calendar b') }),
    ]);
  });

  it('`no` with a word that place does not take: the whole `no …`', () => {
    const text = `${HEAD}entitlement e (clause c) {\n  no idea\n}\n`;
    expect(first(text)).toMatchObject({ code: 'SLA1109', ...spanOf(text, 'no idea') });
  });
});

describe('spans of later stages, through the source map', () => {
  it('an unknown event type in a deadline underlines the event name', () => {
    const text = `${HEAD}event opened\ndeadline d (clause c) {\n  vendor owes answred within 1 day after opened\n}\n`;
    expect(loadErrors(text)[0]).toMatchObject({ code: 'SLA3003', file: 'p.sla', ...spanOf(text, 'answred') });
  });

  it('an unknown fact in a condition underlines the fact name, not the keyword', () => {
    const text = `${HEAD}fact price: number\nentitlement e (clause c) {\n  limit 1\n  when fact prise > 0\n}\n`;
    expect(loadErrors(text)[0]).toMatchObject({ code: 'SLA3002', ...spanOf(text, 'prise') });
  });

  it('a wrong value in a filter underlines the whole filter entry', () => {
    const text = `${HEAD}event opened { channel: string in [chat, email] }\nentitlement e (clause c) {\n  limit 1\n  when event opened where channel = fax\n}\n`;
    expect(loadErrors(text)[0]).toMatchObject({ code: 'SLA3035', ...spanOf(text, 'channel = fax') });
  });

  it('an unknown instant underlines its name', () => {
    const text = `${HEAD}entitlement e (clause c) {\n  limit 1\n  until instant later\n}\n`;
    expect(loadErrors(text)[0]).toMatchObject({ code: 'SLA3001', ...spanOf(text, 'later') });
  });
});

describe('names that would reach into an object prototype', () => {
  const declarations = (name: string) => [
    `plan ${name}: a | b`,
    `fact ${name}: number`,
    `event ${name}`,
    `event e { ${name}: string }`,
    `calendar ${name} { days mon..fri }`,
    `instant ${name} = e`,
    `clause ${name} { en: "x" }`,
    `clause d { ${name}: "x" }`,
  ];
  for (const name of ['constructor', '__proto__', 'prototype']) {
    it(`\`${name}\` is refused as the name of any declaration, with its span, as the YAML front end refuses the key`, () => {
      for (const decl of declarations(name)) {
        for (const spelled of [name, JSON.stringify(name)]) {
          const text = `${HEAD}${decl.replace(name, spelled)}\n`;
          const { policy, diagnostics } = parseDsl(text, { file: 'p.sla' });
          expect(policy, decl).toBeUndefined();
          expect(diagnostics, decl).toEqual([
            expect.objectContaining({
              code: 'SLA1114',
              message: `the name \`${name}\` is reserved`,
              line: 4,
              column: text.split('\n')[3].indexOf(spelled) + 1,
            }),
          ]);
        }
      }
      const yaml = `id: p\ntitle: P\nversion: "1"\nzone: UTC\nsources: [{ lang: en, file: p.txt }]\nplans: {}\nevents: {}\nclauses: {}\nfacts: { ${name}: { type: number } }\n`;
      expect(loadErrors(yaml, 'p.yaml')).toEqual([expect.objectContaining({ code: 'SLA1008', line: 9 })]);
    });
  }
});

describe('the source map of the bundled policies', () => {
  const dir = new URL('../../policies/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.sla'));

  /** every JSON pointer of a value, with the value there */
  function* pointers(v: unknown, p = ''): Generator<[string, unknown]> {
    yield [p, v];
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* pointers(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
  /** the text from a span's start to its end */
  function textOf(lines: string[], s: { line: number; column: number; endLine?: number; endColumn?: number }): string {
    if (s.endLine === s.line) return lines[s.line - 1].slice(s.column - 1, s.endColumn! - 1);
    return [lines[s.line - 1].slice(s.column - 1), ...lines.slice(s.line, s.endLine! - 1), lines[s.endLine! - 1].slice(0, s.endColumn! - 1)].join('\n');
  }

  for (const f of files) {
    it(`${f}: every pointer has a span inside the text, and a name's span is the name as written`, () => {
      const text = readFileSync(new URL(f, dir), 'utf8');
      const lines = text.split('\n');
      const { policy, locate } = parseDsl(text, { file: f });
      expect(policy).toBeDefined();
      let names = 0;
      for (const [p, v] of pointers(policy)) {
        const s = locate(p);
        expect(s, p).toBeDefined();
        expect(s!.endLine, p).toBeGreaterThanOrEqual(s!.line);
        if (s!.endLine === s!.line) expect(s!.endColumn, p).toBeGreaterThan(s!.column);
        expect(s!.endLine, p).toBeLessThanOrEqual(lines.length);
        const under = textOf(lines, s!);
        expect(under.trim(), p).toBe(under);
        // declared names, and the names references and conditions point at
        const named =
          /^\/(plans|facts|events|calendars|instants|counters|clauses)\/[^/]+$/.test(p) ||
          /\/(event|fact|counter|deadline|entitlement|open|instant|sum|attribute|status|subject|clause|party|breached)$/.test(p);
        if (named && typeof v !== 'object') {
          expect([String(v), JSON.stringify(v)], p).toContain(under);
          names++;
        }
        if (/^\/(plans|facts|events|calendars|instants|counters|clauses)\/[^/]+$/.test(p)) {
          const id = decodeURIComponent(p.split('/')[2].replace(/~1/g, '/').replace(/~0/g, '~'));
          expect([id, JSON.stringify(id)], p).toContain(under);
          names++;
        }
      }
      expect(names).toBeGreaterThan(20);
    });
  }
});
