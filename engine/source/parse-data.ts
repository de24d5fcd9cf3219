// Safe parsing of YAML (and JSON, a subset of it) data documents with positions kept: policies,
// cases and test files all come through here. Hostile input gets a diagnostic, never a crash:
// aliases are refused, keys must be unique, size and nesting are capped, `__proto__` is refused,
// and so are tags other than the core schema's (`!!js/function`, `!custom`, `%TAG`), which would
// otherwise be read silently as plain strings.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import {
  aliasRefused,
  emptyDocument,
  forbiddenKey,
  inputTooLarge,
  keyNotScalar,
  nestingTooDeep,
  notText,
  SlaError,
  tagDirectiveRefused,
  yamlError,
  yamlTagRefused,
  type Diagnostic,
} from '../diagnostics/index.ts';
import { fastYaml } from './fast-yaml.ts';
import { jsonSyntaxProblem } from './strict-json.ts';
import type { Locator, Position } from '../policy-types.ts';
import { pointerPart } from '../ir/json-pointer.ts';

/** The longest source accepted, in characters (UTF-16 code units, as a string's length). */
export const MAX_SOURCE_CHARS = 1_000_000;
export const MAX_DEPTH = 64;
const MAX_ERRORS = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';
/** Explicit tags that only say what the value already is in the core schema (`!!str 2025`). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => YAML_TAG_PREFIX + t));

/** Offsets [start, end) in the source (a node's `range` from `yaml` starts so too). */
type Range = readonly [number, number, ...number[]];

export interface ParsedData {
  value: unknown;
  locate: Locator;
}

/** Rejects what is not worth handing to a parser: empty, too large, binary. */
export function screenSource(source: string, file?: string): Diagnostic | undefined {
  if (source.length > MAX_SOURCE_CHARS) return inputTooLarge(source.length, MAX_SOURCE_CHARS, 'characters', { file });
  // NUL, other C0 controls (but tab, LF, CR) and U+FFFD (undecodable bytes) mean this is not text.
  const bad = source.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/);
  if (bad >= 0) {
    return notText('it contains control characters or invalid UTF-8', { file, ...spanOf(source, bad, bad + 1) });
  }
  if (onlyComments(source)) return emptyDocument({ file });
  return undefined;
}

/** Nothing but white space and `#` comments: read up to the first other character (a single
 *  pattern repeating `\s*#.*` would backtrack exponentially over a long comment header). */
function onlyComments(source: string): boolean {
  const text = /\S/g;
  for (let m = text.exec(source); m; m = text.exec(source)) {
    if (m[0] !== '#') return false;
    const end = /[\n\r\u2028\u2029]/g;
    end.lastIndex = m.index;
    if (!end.exec(source)) return true;
    text.lastIndex = end.lastIndex;
  }
  return true;
}

/** The span [start, end) of the source as lines and columns, without a parser's line index. */
function spanOf(source: string, start: number, end: number): Position {
  const at = (offset: number) => {
    let line = 1;
    let lineStart = 0;
    for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) [line, lineStart] = [line + 1, i + 1];
    return { line, column: offset - lineStart + 1 };
  };
  const a = at(start);
  const b = at(end);
  return { ...a, endLine: b.line, endColumn: b.column };
}

/** Bracket nesting depth outside quotes and comments: checked before parsing, since the parser recurses. */
function flowDepth(source: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  // jump from one character that matters to the next instead of stepping over every one
  const next = /["'#[\]{}]/g;
  for (let m = next.exec(source); m; m = next.exec(source)) {
    const i = m.index;
    const c = source[i];
    if (c === '"') {
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) if (source[j] === '\\') j++;
      next.lastIndex = j + 1;
    } else if (c === "'") {
      const j = source.indexOf("'", i + 1);
      next.lastIndex = j < 0 ? source.length : j + 1;
    } else if (c === '#') {
      const nl = source.indexOf('\n', i);
      next.lastIndex = nl < 0 ? source.length : nl + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > max) [max, at] = [depth, i];
    } else depth = Math.max(0, depth - 1);
  }
  return { depth: max, offset: at };
}

export function parseData(source: string, file?: string): ParsedData {
  const screened = screenSource(source, file);
  if (screened) throw new SlaError([screened]);
  if (file !== undefined && /\.json$/i.test(file)) {
    const problem = jsonSyntaxProblem(source, file, (offset) => spanOf(source, offset, offset + 1));
    if (problem) throw new SlaError([problem]);
  }
  const flow = flowDepth(source);
  if (flow.depth > MAX_DEPTH) throw new SlaError([nestingTooDeep(MAX_DEPTH, flow.depth, { file, ...spanOf(source, flow.offset, flow.offset + 1) })]);
  // The happy path reads the value alone; positions are built, the full way, when one is asked for.
  const value = fastYaml(source, MAX_DEPTH);
  if (value === undefined) return readFully(source, file);
  let full: Locator | undefined;
  return { value, locate: (pointer, part) => (full ??= readFully(source, file).locate)(pointer, part) };
}

/** The document model of `yaml`: every guard with its diagnostic, and the positions of every node. */
export function readFully(source: string, file: string | undefined): ParsedData {
  const lineCounter = new LineCounter();
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  /** The span of [start, end); an empty one (an insertion point) is widened to one character. */
  const span = (start: number, end: number): Position => {
    const a = pos(start);
    const b = pos(Math.max(end, start + 1));
    return { ...a, endLine: b.line, endColumn: b.line === a.line ? Math.max(b.column, a.column + 1) : b.column };
  };
  /** Where a node is, as offsets: turned into lines and columns only for a place reported or located. */
  const rangeOf = (node: Node | null | undefined): Range | undefined => (node?.range ? node.range : undefined);
  const spanAt = (r: Range): Position => span(r[0], r[1]);
  let doc;
  try {
    doc = parseDocument(source, {
      lineCounter,
      schema: 'core',
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
    });
  } catch (e) {
    if (e instanceof RangeError) throw new SlaError([nestingTooDeep(MAX_DEPTH, undefined, { file })]);
    throw e;
  }

  const errors: Diagnostic[] = [];
  if (doc.errors.some((e) => /call stack/i.test(e.message))) throw new SlaError([nestingTooDeep(MAX_DEPTH, undefined, { file })]);
  for (const e of doc.errors.slice(0, MAX_ERRORS)) {
    // The reader names no key in its duplicate-key error: read it at the error's position.
    const key = e.code === 'DUPLICATE_KEY' ? keyWrittenAt(source, e.pos[0]) : undefined;
    const end = key === undefined ? e.pos[1] : e.pos[0] + key.length;
    errors.push(yamlError(e.code, firstLine(e.message), { file, ...span(e.pos[0], end) }, key));
  }
  if (errors.length) throw new SlaError(errors);
  const tagDirective = /^%TAG\b/m.exec(source);
  if (tagDirective && Object.keys(doc.directives?.tags ?? {}).some((handle) => handle !== '!!'))
    throw new SlaError([tagDirectiveRefused({ file, ...spanOf(source, tagDirective.index, tagDirective.index + 4) })]);

  // Walk the tree iteratively: refuse aliases and forbidden keys, cap depth, and index positions.
  const index = new Map<string, { value: Range; key?: Range }>();
  const whole: Range = [0, source.length];
  const stack: { node: Node | null; pointer: string; depth: number; key?: Range }[] = [{ node: doc.contents as Node | null, pointer: '', depth: 0 }];
  while (stack.length && errors.length < MAX_ERRORS) {
    const { node, pointer, depth, key } = stack.pop()!;
    if (!node) continue;
    const at = rangeOf(node) ?? whole;
    index.set(pointer, { value: at, key });
    if (depth > MAX_DEPTH) {
      errors.push(nestingTooDeep(MAX_DEPTH, undefined, { file, ...spanAt(at) }));
      break;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      const shown = tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
      errors.push(yamlTagRefused(shown, { file, ...spanAt(at) }));
    }
    if (isAlias(node)) {
      errors.push(aliasRefused(node.source, { file, ...spanAt(at) }));
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as Node | null;
        const keyText = isScalar(k) ? String(k.value) : '';
        const keyAt = rangeOf(k) ?? at;
        if (!isScalar(k)) {
          errors.push(keyNotScalar({ file, ...spanAt(keyAt) }));
          continue;
        }
        if (FORBIDDEN_KEYS.has(keyText)) {
          errors.push(forbiddenKey(keyText, { file, ...spanAt(keyAt), path: `${pointer}/${pointerPart(keyText)}` }));
          continue;
        }
        stack.push({ node: pair.value as Node | null, pointer: `${pointer}/${pointerPart(keyText)}`, depth: depth + 1, key: keyAt });
        if (!pair.value) index.set(`${pointer}/${pointerPart(keyText)}`, { value: keyAt, key: keyAt });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item as Node | null, pointer: `${pointer}/${i}`, depth: depth + 1 }));
    }
  }
  if (errors.length) throw new SlaError(errors.sort((a, b) => a.line! - b.line! || a.column! - b.column!));
  if (doc.contents === null) throw new SlaError([emptyDocument({ file })]);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new SlaError([yamlError('', firstLine(String((e as Error).message)), { file })]);
  }
  const locate: Locator = (pointer, part = 'value') => {
    // Fall back to the nearest ancestor that has a position (e.g. a missing property → its object,
    // underlined at its key where it has one, since an object's own span runs over many lines).
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = index.get(p);
      if (hit) return spanAt((p === pointer && part === 'value' ? hit.value : hit.key) ?? hit.value);
      if (p === '') return undefined;
    }
  };
  return { value, locate };
}

/** The key written at `offset` (plain or quoted, on one line), if one is there. */
const keyWrittenAt = (source: string, offset: number): string | undefined =>
  /^(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s:,{}[\]#][^:\n,{}[\]]*?)(?=\s*:)/.exec(source.slice(offset, offset + 1100))?.[0];

const firstLine = (s: string) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
