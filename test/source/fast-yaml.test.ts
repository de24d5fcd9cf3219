// Law: where the fast YAML reader gives a value, the full reader (the `yaml` document model with
// every guard) accepts the same source and gives the same value; wherever a guard would speak
// (aliases, tags, duplicate keys, deep nesting, syntax errors) the fast reader stands aside. Seeded
// random documents in every style `yaml` writes, one-character mutations of them, and every YAML
// file the project ships.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify, type ToStringOptions } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastYaml } from '../../engine/source/fast-yaml.ts';
import { MAX_DEPTH, parseData, readFully } from '../../engine/source/parse-data.ts';
import { SlaError } from '../../engine/diagnostics/index.ts';

const SEED = 20_261_201;

/** The full reader's value, or the codes of its diagnostics. */
function full(source: string): { value: unknown } | { refused: string[] } {
  try {
    return { value: readFully(source, 'doc.yaml').value };
  } catch (e) {
    if (e instanceof SlaError) return { refused: e.diagnostics.map((d) => d.code) };
    throw e;
  }
}

function agrees(source: string): void {
  const fast = fastYaml(source, MAX_DEPTH);
  if (fast !== undefined) expect(full(source)).toEqual({ value: fast });
}

// Texts a core-schema reader must not take for strings, and strings it must not take for anything else.
const tricky = fc.constantFrom(
  '',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'yes',
  'on',
  'no',
  '0',
  '-0',
  '+1',
  '007',
  '0o17',
  '0o8',
  '0x1F',
  '0X1F',
  '1_000',
  '1e3',
  '1E-3',
  '.5',
  '5.',
  '-.inf',
  '.NaN',
  '.nan',
  '2024-10-27',
  '12:30',
  '1:20:30',
  'a: b',
  'a #b',
  '#x',
  '- x',
  ' lead',
  'trail ',
  'two\nlines',
  'tab\there',
  'quote "x"',
  "it's",
  'back\\slash',
  'Угода',
  '€ 5',
  '&anchor',
  '*alias',
  '!tag',
  '%dir',
  '@at',
  '`tick',
  '[x]',
  '{y}',
  '|',
  '>',
  '?',
  '---',
  '...',
);
const key = fc.oneof(fc.constantFrom('a', 'id', 'b c', '1', 'true', 'null', '__proto__', 'constructor', 'k: v', '-x', '#'), tricky);
const scalar = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noDefaultInfinity: false }), fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const styles = fc.record({
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  lineWidth: fc.constantFrom(0, 8, 20, 80),
  indent: fc.constantFrom(2, 3, 4),
  indentSeq: fc.boolean(),
});
const written = fc.tuple(value, styles).map(([v, opts]) => stringify(v, opts as ToStringOptions));
const mutated = fc
  .tuple(written, fc.nat(), fc.constantFrom('&', '*', '!', '|', '>', '-', ':', '?', '#', ',', '[', ']', '{', '}', "'", '"', '%', ' ', '\n', '\t', 'a', '0'))
  .map(([s, at, ch]) => (s.length ? s.slice(0, at % s.length) + ch + s.slice((at % s.length) + 1) : ch));

describe('the fast YAML reader', () => {
  it('gives what the full reader gives, for documents in every style', () => {
    fc.assert(fc.property(written, agrees), { seed: SEED, numRuns: 3000 });
  });

  it('stands aside wherever the full reader would refuse, for mutated documents', () => {
    fc.assert(fc.property(mutated, agrees), { seed: SEED, numRuns: 3000 });
  });

  it('reads the forms policies are written in itself, as the full reader reads them', () => {
    for (const s of [
      'a: 1\nb:\n  c: [x, "y z", 2.5, null]\n  d: { e: true, "f g": -3, h: [] }\n',
      '# head\nlist:\n- a\n-   b # note\n-\n  - c\n- k: v\n  l:\n  - m\nafter: ~\n',
      '- - 1\n  - 2\n- id: x\n  text: |-\n    line one\n      indented\n\n    # not a comment\n  next: 0o17\n',
      'folded: >-\n  one\n  two\n\n  three\n\n\n  four\nkept: |\n  last\n\n\nclip: >\n  x\n',
      'q: "tab\\there \\"q\\" \\u00e9 \\\\ \\/"\ns: \'it\'\'s # not a comment\'\nurl: http://x.y/z#frag\ntime: 12:30\n',
      'key with spaces  : value with  spaces   \nC-sharp: C#\n"quoted key": 1\nempty:\nlast: -1\n',
      'top:\n  # a comment between\n  inner:\n    deep: .inf\n  # and one after\nnext: 1e3\n',
    ]) {
      const fast = fastYaml(s, MAX_DEPTH);
      expect(fast, s).toBeDefined();
      expect(full(s), s).toEqual({ value: fast });
    }
  });

  it('stands aside for aliases, tags, duplicate keys, directives, several documents and deep nesting', () => {
    for (const s of [
      'a: &x 1\nb: *x\n',
      'a: !custom x\n',
      'a: 1\na: 2\n',
      'a: 1\n"a": 2\n',
      '__proto__: {}\n',
      'a: 1\n---\nb: 2\n',
      '? [a]\n: 1\n',
      `${'- '.repeat(MAX_DEPTH + 1)}x\n`,
      `${Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x\n`,
      'a: [1, 2\nb: 3\n',
      'a: b: c\n',
      'a: 1\n b: 2\n',
      '{a: 1}: x\n',
    ]) {
      expect(fastYaml(s, MAX_DEPTH), s).toBeUndefined();
      expect(full(s), s).toHaveProperty('refused');
    }
    // a core tag and a version directive are read by the full reader alone
    for (const s of ['a: !!str 1\n', '%YAML 1.2\n---\na: "1"\n']) {
      expect(fastYaml(s, MAX_DEPTH)).toBeUndefined();
      expect(full(s)).toEqual({ value: { a: '1' } });
    }
  });
});

const root = new URL('../../', import.meta.url).pathname;
const yamlFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f));

describe('the files the project ships', () => {
  const files = [...yamlFiles('policies'), ...yamlFiles('examples'), ...yamlFiles('bench/fixtures'), ...yamlFiles('test')];
  it.each(files)('%s reads the same both ways', (f) => agrees(readFileSync(join(root, f), 'utf8')));

  it.each(['relokia', 'data2crm', 'cart2cart', 'crmonline'])('%s takes the fast path and places diagnostics as the full reader does', (id) => {
    const source = readFileSync(join(root, 'policies', `${id}.yaml`), 'utf8');
    expect(fastYaml(source, MAX_DEPTH)).toBeDefined();
    const fast = parseData(source, `${id}.yaml`);
    const slow = readFully(source, `${id}.yaml`);
    for (const pointer of ['', '/id', '/plans', '/deadlines/0/duration', '/no/such/thing', '/clauses'])
      for (const part of ['value', 'key'] as const) expect(fast.locate(pointer, part)).toEqual(slow.locate(pointer, part));
  });
});
