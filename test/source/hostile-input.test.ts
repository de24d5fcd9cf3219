import { describe, expect, it } from 'vitest';
import { loadPolicy, SlaError } from '../../engine/index.ts';
import { parseData } from '../../engine/source/parse-data.ts';

function diagnosticsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected an SlaError');
}

describe('hostile or malformed YAML gets a diagnostic, never a crash', () => {
  const cases: [string, string, string][] = [
    ['an alias bomb', 'a: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b]\n', 'SLA1002'],
    ['20 000 nested brackets', '['.repeat(20_000), 'SLA1005'],
    ['20 000 nested block sequences', '- '.repeat(20_000) + 'x', 'SLA1005'],
    ['an empty file', '', 'SLA1006'],
    ['a file of comments only', '# nothing here\n', 'SLA1006'],
    ['10 000 comment lines and nothing else', '# note\n'.repeat(10_000) + '   \n', 'SLA1006'],
    ['binary garbage', '\u0000\u0001\u00ff\ufffdPNG', 'SLA1007'],
    ['a __proto__ key', 'a:\n  __proto__: { polluted: true }\n', 'SLA1008'],
    ['a duplicate key', 'id: x\nid: y\n', 'SLA1003'],
    ['a syntax error', 'a: [1, 2\nb: }', 'SLA1001'],
    ['more than 1 MB', 'a: "' + 'x'.repeat(1_100_000) + '"\n', 'SLA1004'],
  ];
  for (const [what, source, code] of cases) {
    it(`${what} → ${code}`, () => {
      const ds = diagnosticsOf(() => parseData(source, 'input.yaml'));
      expect(ds[0].code).toBe(code);
      expect(ds[0].file).toBe('input.yaml');
    });
  }

  it('reads a document under a long comment header, without stalling on it', { timeout: 10_000 }, () => {
    const { value } = parseData('# header\n'.repeat(60) + 'a: 1 # note\n', 'commented.yaml');
    expect(value).toEqual({ a: 1 });
  });

  it('points at the line and column of the problem', () => {
    const ds = diagnosticsOf(() => parseData('ok: 1\nnested:\n  __proto__: 1\n', 'p.yaml'));
    expect(ds[0]).toMatchObject({ code: 'SLA1008', line: 3, column: 3 });
  });

  it('does not pollute Object.prototype', () => {
    diagnosticsOf(() => parseData('__proto__: { polluted: true }\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps ISO times as strings (the core schema has no timestamps)', () => {
    const { value } = parseData('at: 2025-03-10T12:00:00+02:00\nday: 2025-03-10\n');
    expect(value).toEqual({ at: '2025-03-10T12:00:00+02:00', day: '2025-03-10' });
  });

  it('a policy with a duplicate key is refused at its line', () => {
    const ds = diagnosticsOf(() => loadPolicy({ source: 'id: x\ntitle: t\ntitle: u\n', file: 'dup.yaml' }));
    expect(ds[0]).toMatchObject({ code: 'SLA1003', file: 'dup.yaml', line: 3 });
  });
});
