// Safe parsing of YAML (and JSON, a subset of it) data documents with positions kept: policies,
// cases and test files all come through here. Hostile input gets a diagnostic, never a crash:
// aliases are refused, keys must be unique, size and nesting are capped, `__proto__` is refused,
// and so are tags other than the core schema's (`!!js/function`, `!custom`, `%TAG`), which would
// otherwise be read silently as plain strings.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { diagnostic, SlaError, type Diagnostic } from '../diagnostics/index.ts';
import { quoteValue } from '../diagnostics/quote-value.ts';
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

export interface ParsedData {
  value: unknown;
  locate: Locator;
}

/** Rejects what is not worth handing to a parser: empty, too large, binary. */
export function screenSource(source: string, file?: string): Diagnostic | undefined {
  if (source.length > MAX_SOURCE_CHARS)
    return diagnostic('SLA1004', `input is ${source.length} characters; the limit is ${MAX_SOURCE_CHARS} characters`, { file });
  // NUL, other C0 controls (but tab, LF, CR) and U+FFFD (undecodable bytes) mean this is not text.
  const bad = source.search(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/);
  if (bad >= 0) {
    const { line, column } = positionOf(source, bad);
    return diagnostic('SLA1007', 'input is not text: it contains control characters or invalid UTF-8', { file, line, column });
  }
  if (source.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(source))
    return diagnostic('SLA1006', 'the document is empty', { file, line: 1, column: 1 });
  return undefined;
}

function positionOf(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) [line, lineStart] = [line + 1, i + 1];
  return { line, column: offset - lineStart + 1 };
}

/** Bracket nesting depth outside quotes and comments: checked before parsing, since the parser recurses. */
function flowDepth(source: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > max) [max, at] = [depth, i];
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { depth: max, offset: at };
}

export function parseData(source: string, file?: string): ParsedData {
  const screened = screenSource(source, file);
  if (screened) throw new SlaError([screened]);
  if (file !== undefined && /\.json$/i.test(file)) {
    const problem = jsonSyntaxProblem(source, file, (offset) => positionOf(source, offset));
    if (problem) throw new SlaError([problem]);
  }
  const flow = flowDepth(source);
  if (flow.depth > MAX_DEPTH)
    throw new SlaError([
      diagnostic('SLA1005', `brackets nest ${flow.depth} deep; the limit is ${MAX_DEPTH}`, {
        file,
        ...positionOf(source, flow.offset),
      }),
    ]);

  const lineCounter = new LineCounter();
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
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
    if (e instanceof RangeError)
      throw new SlaError([diagnostic('SLA1005', `the document nests too deeply; the limit is ${MAX_DEPTH}`, { file })]);
    throw e;
  }

  const errors: Diagnostic[] = [];
  if (doc.errors.some((e) => /call stack/i.test(e.message)))
    throw new SlaError([diagnostic('SLA1005', `the document nests too deeply; the limit is ${MAX_DEPTH}`, { file })]);
  for (const e of doc.errors.slice(0, MAX_ERRORS)) {
    const at = pos(e.pos[0]);
    const code = e.code === 'DUPLICATE_KEY' ? 'SLA1003' : e.code === 'MULTIPLE_DOCS' ? 'SLA1009' : 'SLA1001';
    errors.push(diagnostic(code, firstLine(e.message), { file, ...at }));
  }
  if (errors.length) throw new SlaError(errors);
  const tagDirective = /^%TAG\b/m.exec(source);
  if (tagDirective && Object.keys(doc.directives?.tags ?? {}).some((handle) => handle !== '!!'))
    throw new SlaError([diagnostic('SLA1011', '%TAG directives are not allowed', { file, ...positionOf(source, tagDirective.index) })]);

  // Walk the tree iteratively: refuse aliases and forbidden keys, cap depth, and index positions.
  const index = new Map<string, { value: Position; key?: Position }>();
  const stack: { node: Node | null; pointer: string; depth: number; key?: Position }[] = [
    { node: doc.contents as Node | null, pointer: '', depth: 0 },
  ];
  while (stack.length && errors.length < MAX_ERRORS) {
    const { node, pointer, depth, key } = stack.pop()!;
    if (!node) continue;
    const at = node.range ? pos(node.range[0]) : { line: 1, column: 1 };
    index.set(pointer, { value: at, key });
    if (depth > MAX_DEPTH) {
      errors.push(diagnostic('SLA1005', `the document nests more than ${MAX_DEPTH} levels deep`, { file, ...at }));
      break;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      const shown = tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
      errors.push(diagnostic('SLA1011', `the YAML tag ${quoteValue(shown)} is not allowed; write the plain value`, { file, ...at }));
    }
    if (isAlias(node)) {
      errors.push(diagnostic('SLA1002', `aliases (*${node.source}) are not allowed; write the value out`, { file, ...at }));
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key as Node | null;
        const keyText = isScalar(k) ? String(k.value) : '';
        const keyAt = k?.range ? pos(k.range[0]) : at;
        if (!isScalar(k)) {
          errors.push(diagnostic('SLA1001', 'keys must be plain scalars', { file, ...keyAt }));
          continue;
        }
        if (FORBIDDEN_KEYS.has(keyText)) {
          errors.push(diagnostic('SLA1008', `the key "${keyText}" is not allowed`, { file, ...keyAt, path: `${pointer}/${pointerPart(keyText)}` }));
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
  if (doc.contents === null) throw new SlaError([diagnostic('SLA1006', 'the document is empty', { file, line: 1, column: 1 })]);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (e) {
    throw new SlaError([diagnostic('SLA1001', firstLine(String((e as Error).message)), { file })]);
  }
  const locate: Locator = (pointer) => {
    // Fall back to the nearest ancestor that has a position (e.g. a missing property → its object).
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = index.get(p);
      if (hit) return hit.value;
      if (p === '') return undefined;
    }
  };
  return { value, locate };
}

const firstLine = (s: string) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
