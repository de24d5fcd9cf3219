// The happy path of reading a YAML data document: one pass over the lines of the block style that
// policies, cases and tests are written in (block mappings and sequences, one-line plain and quoted
// scalars, literal and folded block scalars, one-line flow collections), giving the value the
// `yaml` package gives with the core schema, without a document model or positions. Anything else
// — an anchor, alias or tag, a directive or document marker, a duplicate, forbidden or non-string
// key, deep nesting, a scalar over several lines, a syntax error — gives `undefined`, and the
// caller reads the source the full way, which words the diagnostic and places it.

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** "Not this way": thrown from anywhere in the reader, caught at its entry. */
const BAIL: unique symbol = Symbol('bail');
/** Characters the two readers may read apart: tabs, CR, other controls, BOM, non-ASCII line breaks. */
const UNUSUAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
const SPACE = 32;
const NL = 10;

// The core schema's plain scalars, tested in the order the `yaml` package tests them.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain texts that may be something other than a string: the first character of each form above. */
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]|^$/;

function plain(s: string): unknown {
  if (!MAYBE_NOT_STRING.test(s)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** Characters a plain scalar may not start with (`-`, `?` and `:` may, when a space does not follow). */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/;
/** Characters kept out of plain keys, which the readers may split differently. */
const KEY_UNSAFE = /[[\]{},#]/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** The value of a YAML document, or undefined where the full reader must decide. */
export function fastYaml(source: string, maxDepth: number): unknown {
  if (UNUSUAL.test(source)) return undefined;
  try {
    return new LineReader(source, maxDepth).document();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

class LineReader {
  /** the current content line: where it starts, its indentation (-1 at the end) and its end */
  private ls = 0;
  private ind = 0;
  private le = 0;

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {}

  document(): unknown {
    this.toContent();
    if (this.ind < 0) throw BAIL; // an empty document is for the full reader to refuse
    const value = this.block(-1, 0);
    if (this.ind >= 0) throw BAIL;
    return value;
  }

  /** From `ls` on, the first line that is neither blank nor a comment. */
  private toContent(): void {
    const s = this.s;
    for (;;) {
      if (this.ls >= s.length) {
        this.ind = -1;
        this.le = s.length;
        return;
      }
      let i = this.ls;
      while (s.charCodeAt(i) === SPACE) i++;
      let le = s.indexOf('\n', i);
      if (le < 0) le = s.length;
      if (i === le || s.charCodeAt(i) === 35 /* # */) {
        this.ls = le + 1;
        continue;
      }
      this.ind = i - this.ls;
      this.le = le;
      // a document marker: several documents, or a header, for the full reader
      if (this.ind === 0 && /^(?:---|\.\.\.)(?: |$)/.test(s.slice(i, Math.min(i + 4, le)))) throw BAIL;
      return;
    }
  }

  private nextLine(): void {
    this.ls = this.le + 1;
    this.toContent();
  }

  private startsEntry(at: number): boolean {
    const c = this.s.charCodeAt(at);
    return c === 45 /* - */ && (at + 1 === this.le || this.s.charCodeAt(at + 1) === SPACE);
  }

  /** A node that starts the current line, nested deeper than `parent`. */
  private block(parent: number, depth: number): unknown {
    if (depth > this.maxDepth) throw BAIL;
    const at = this.ls + this.ind;
    if (this.startsEntry(at)) return this.seq(this.ind, depth);
    if (this.keyAt(at)) return this.map(this.ind, depth);
    const value = this.inline(at, parent, depth);
    if (this.ind > parent) throw BAIL; // a scalar running on over lines
    return value;
  }

  private seq(n: number, depth: number): unknown[] {
    const out: unknown[] = [];
    while (this.ind === n && this.startsEntry(this.ls + n)) {
      let at = this.ls + n + 1;
      while (this.s.charCodeAt(at) === SPACE) at++;
      out.push(this.item(at, n, depth + 1));
      if (this.ind > n) throw BAIL;
    }
    return out;
  }

  private map(n: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.ind === n) {
      const k = this.keyAt(this.ls + n);
      if (!k) throw BAIL;
      if (FORBIDDEN_KEYS.has(k.key) || Object.hasOwn(out, k.key)) throw BAIL;
      let at = k.after;
      while (this.s.charCodeAt(at) === SPACE) at++;
      if (at === this.le || this.s.charCodeAt(at) === 35) {
        // the value is on the lines below: deeper, or a sequence at the key's own indentation
        this.nextLine();
        if (depth + 1 > this.maxDepth) throw BAIL;
        out[k.key] = this.ind > n ? this.block(n, depth + 1) : this.ind === n && this.startsEntry(this.ls + n) ? this.seq(n, depth + 1) : null;
      } else out[k.key] = this.inline(at, n, depth + 1);
      if (this.ind > n) throw BAIL;
    }
    return out;
  }

  /** A sequence entry's content from `at`: on the same line (a compact mapping or sequence too) or below. */
  private item(at: number, n: number, depth: number): unknown {
    if (depth > this.maxDepth) throw BAIL;
    if (at === this.le || this.s.charCodeAt(at) === 35) {
      this.nextLine();
      return this.ind > n ? this.block(n, depth) : null;
    }
    // a compact collection is read as if its line were indented up to where it starts
    const column = at - this.ls;
    if (this.startsEntry(at) || this.keyAt(at)) {
      this.ind = column;
      return this.block(n, depth);
    }
    return this.inline(at, n, depth);
  }

  /** The key of a `key: ` at `at`, or undefined where the line holds no mapping entry. */
  private keyAt(at: number): { key: string; after: number } | undefined {
    const s = this.s;
    const c = s[at];
    if (c === '[' || c === '{') return undefined; // a flow collection, never a key here
    if (c === '"' || c === "'") {
      const q = this.quoted(at);
      if (s.charCodeAt(q.end) !== 58 /* : */) {
        if (/^ +:/.test(s.slice(q.end, this.le))) throw BAIL;
        return undefined;
      }
      if (q.end + 1 !== this.le && s.charCodeAt(q.end + 1) !== SPACE) throw BAIL;
      return { key: q.value, after: q.end + 1 };
    }
    let colon = s.indexOf(':', at);
    while (colon >= 0 && colon < this.le && colon + 1 !== this.le && s.charCodeAt(colon + 1) !== SPACE) colon = s.indexOf(':', colon + 1);
    if (colon < 0 || colon >= this.le) return undefined;
    if (s.slice(at, colon).includes(' #')) return undefined; // the colon is in a comment
    let end = colon;
    while (end > at && s.charCodeAt(end - 1) === SPACE) end--;
    const text = s.slice(at, end);
    if (text.length === 0 || text.length > 1000 || this.indicatorAt(at) || KEY_UNSAFE.test(text)) throw BAIL;
    const key = plain(text);
    if (typeof key !== 'string' || key === '<<') throw BAIL;
    return { key, after: colon + 1 };
  }

  /** Whether a plain scalar cannot start at `at`. */
  private indicatorAt(at: number): boolean {
    const s = this.s;
    const c = s[at];
    if (!INDICATOR.test(c)) return false;
    if (c !== '-' && c !== '?' && c !== ':') return true;
    const next = s.charCodeAt(at + 1);
    return at + 1 >= this.le || next === SPACE;
  }

  /** A value that starts at `at` on the current line; leaves the reader on the next content line. */
  private inline(at: number, parent: number, depth: number): unknown {
    if (depth > this.maxDepth) throw BAIL;
    const s = this.s;
    const c = s[at];
    let value: unknown;
    let end: number;
    if (c === '"' || c === "'") ({ value, end } = this.quoted(at));
    else if (c === '[' || c === '{') ({ value, end } = this.flow(at, depth));
    else if (c === '|' || c === '>') return this.blockScalar(at, parent);
    else {
      if (this.indicatorAt(at)) throw BAIL;
      const line = s.slice(at, this.le);
      const comment = line.indexOf(' #');
      const text = (comment < 0 ? line : line.slice(0, comment)).replace(/ +$/, '');
      if (text.includes(': ') || text.endsWith(':')) throw BAIL;
      this.nextLine();
      return plain(text);
    }
    this.lineEndsAt(end);
    this.nextLine();
    return value;
  }

  /** Only spaces and a comment may follow `at` on its line. */
  private lineEndsAt(at: number): void {
    let i = at;
    while (this.s.charCodeAt(i) === SPACE) i++;
    if (i !== this.le && !(i > at && this.s.charCodeAt(i) === 35)) throw BAIL;
  }

  /** A quoted scalar that closes on its line; `end` is just past its closing quote. */
  private quoted(at: number): { value: string; end: number } {
    const s = this.s;
    const le = this.le;
    if (s[at] === "'") {
      let out = '';
      let from = at + 1;
      for (;;) {
        const q = s.indexOf("'", from);
        if (q < 0 || q >= le) throw BAIL;
        out += s.slice(from, q);
        if (s[q + 1] !== "'") return { value: out, end: q + 1 };
        out += "'";
        from = q + 2;
      }
    }
    let out = '';
    let from = at + 1;
    const special = /["\\]/g;
    for (;;) {
      special.lastIndex = from;
      const m = special.exec(s);
      if (!m || m.index >= le) throw BAIL;
      out += s.slice(from, m.index);
      if (m[0] === '"') return { value: out, end: m.index + 1 };
      const e = s[m.index + 1];
      if (e === 'u') {
        const hex = s.slice(m.index + 2, m.index + 6);
        if (!HEX4.test(hex)) throw BAIL;
        out += String.fromCharCode(parseInt(hex, 16));
        from = m.index + 6;
      } else {
        if (!Object.hasOwn(ESCAPES, e)) throw BAIL;
        out += ESCAPES[e];
        from = m.index + 2;
      }
    }
  }

  /** A flow sequence or mapping that closes on its line; `end` is just past its closing bracket. */
  private flow(at: number, depth: number): { value: unknown; end: number } {
    if (depth > this.maxDepth) throw BAIL;
    const s = this.s;
    const skip = (i: number) => {
      while (s.charCodeAt(i) === SPACE) i++;
      if (i >= this.le) throw BAIL;
      return i;
    };
    const close = s[at] === '[' ? ']' : '}';
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let i = skip(at + 1);
    if (s[i] === close) return { value: close === ']' ? list : map, end: i + 1 };
    for (;;) {
      if (close === ']') {
        const v = this.flowNode(i, depth + 1, false);
        list.push(v.value);
        i = v.end;
      } else {
        const k = this.flowNode(i, depth + 1, true);
        if (typeof k.value !== 'string' || FORBIDDEN_KEYS.has(k.value) || k.value === '<<' || Object.hasOwn(map, k.value)) throw BAIL;
        i = skip(k.end);
        if (s[i] !== ':' || s.charCodeAt(i + 1) !== SPACE) throw BAIL;
        const v = this.flowNode(skip(i + 1), depth + 1, false);
        map[k.value] = v.value;
        i = v.end;
      }
      i = skip(i);
      if (s[i] === close) return { value: close === ']' ? list : map, end: i + 1 };
      if (s[i] !== ',') throw BAIL;
      i = skip(i + 1);
      if (s[i] === close) throw BAIL; // a trailing comma
    }
  }

  /** One entry of a flow collection from `at`: a collection, a quoted or a plain scalar. */
  private flowNode(at: number, depth: number, isKey: boolean): { value: unknown; end: number } {
    if (depth > this.maxDepth) throw BAIL;
    const s = this.s;
    const c = s[at];
    if (c === '[' || c === '{') {
      if (isKey) throw BAIL;
      return this.flow(at, depth);
    }
    if (c === '"' || c === "'") return this.quoted(at);
    if (this.indicatorAt(at)) throw BAIL;
    let i = at;
    for (; i < this.le; i++) {
      const ch = s[i];
      if (ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}') break;
      if (ch === '#' && s.charCodeAt(i - 1) === SPACE) throw BAIL;
      if (ch === ':') {
        const next = s[i + 1];
        if (next === ' ' || next === ',' || next === '[' || next === ']' || next === '{' || next === '}' || i + 1 === this.le) break;
      }
    }
    if (i >= this.le) throw BAIL;
    let end = i;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    if (s[i] === ':' && !isKey) throw BAIL; // a pair inside a sequence
    return { value: plain(s.slice(at, end)), end };
  }

  /** A literal (`|`) or folded (`>`) scalar: its header at `at`, its lines below, deeper than `parent`. */
  private blockScalar(at: number, parent: number): string {
    const s = this.s;
    const folded = s[at] === '>';
    let i = at + 1;
    const strip = s[i] === '-';
    if (strip) i++;
    if (s[i] === '+' || (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)) throw BAIL; // keep, or an explicit indentation
    this.lineEndsAt(i);
    if (this.le >= s.length) throw BAIL;
    // the first line sets the indentation; blank lines before it, or one not deeper, are for the full reader
    let start = this.le + 1;
    let m = 0;
    while (s.charCodeAt(start + m) === SPACE) m++;
    if (m <= parent || m === 0 || start + m >= s.length || s.charCodeAt(start + m) === NL) throw BAIL;
    const lines: string[] = [];
    let blank = 0;
    let text = '';
    let lastEnd = start;
    for (;;) {
      let end = s.indexOf('\n', start);
      if (end < 0) end = s.length;
      let k = 0;
      while (k < m && s.charCodeAt(start + k) === SPACE) k++;
      if (start + k === end) {
        if (start >= s.length) break;
        blank++; // a blank line (spaces alone, no deeper than the content)
      } else if (k < m) break;
      else {
        const line = s.slice(start + m, end);
        // more indented: folding keeps it apart; spaces alone deeper than the content: read apart
        if (line.charCodeAt(0) === SPACE && (folded || /^ *$/.test(line))) throw BAIL;
        if (lines.length) text += folded ? (blank ? '\n'.repeat(blank) : ' ') : '\n'.repeat(blank + 1);
        text += line;
        lines.push(line);
        blank = 0;
        lastEnd = end;
      }
      if (end >= s.length) break;
      start = end + 1;
    }
    if (!strip && lastEnd >= s.length) throw BAIL; // the last line has no line break to keep
    // the trailing blank lines belong to nothing (clip and strip drop them); reading goes on after them
    this.ls = lastEnd + 1;
    this.toContent();
    return strip ? text : `${text}\n`;
  }
}
