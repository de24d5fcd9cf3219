// The happy path of reading a YAML data document: js-yaml's event stream (no document model, no
// positions) composed into a plain value with the core schema's scalars, as the `yaml` package
// reads them. Anything the guards of parse-data.ts would look at twice — an anchor, alias or tag,
// a directive, several documents, a duplicate, forbidden or non-string key, deep nesting, or a
// syntax error — gives `undefined`, and the caller reads the source the full way, which words the
// diagnostic and places it.
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';

const NONE = -1;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A marker for "not this way": never a value of a document. */
const BAIL: unique symbol = Symbol('bail');

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

/** Whether a block scalar's header gives its indentation (`|2-`), which the two readers read apart. */
function explicitIndent(source: string, e: ScalarEvent): boolean {
  // the nearest `|` or `>` before the value (searched back from it: the text before is not copied)
  let at = e.valueStart - 1;
  while (at >= 0 && source.charCodeAt(at) !== 124 && source.charCodeAt(at) !== 62) at--;
  return at < 0 || /^[|>][^\n#]*\d/.test(source.slice(at, at + 8));
}

/** The value of a YAML document, or undefined where the full reader must decide. */
export function fastYaml(source: string, maxDepth: number): unknown {
  // tabs: `yaml` refuses them where js-yaml reads them as indentation
  if (source.includes('\t')) return undefined;
  let events: Event[];
  try {
    events = parseEvents(source, { maxDepth: maxDepth + 2 });
  } catch {
    return undefined;
  }
  const first = events[0];
  // one document, without directives or markers
  if (!first || first.type !== EVENT_ID.DOCUMENT || first.directives.length || first.explicitStart || first.explicitEnd) return undefined;
  let i = 1;
  const node = (depth: number): unknown => {
    if (depth > maxDepth) return BAIL;
    const e = events[i++];
    if (!e || e.type === EVENT_ID.ALIAS || e.type === EVENT_ID.DOCUMENT || e.type === EVENT_ID.POP) return BAIL;
    if (e.anchorStart !== NONE || e.tagStart !== NONE) return BAIL;
    if (e.type === EVENT_ID.SCALAR) return scalar(e);
    if (e.type === EVENT_ID.SEQUENCE) {
      const out: unknown[] = [];
      while (events[i]?.type !== EVENT_ID.POP) {
        const v = node(depth + 1);
        if (v === BAIL) return BAIL;
        out.push(v);
      }
      i++;
      return out;
    }
    const out: Record<string, unknown> = {};
    while (events[i]?.type !== EVENT_ID.POP) {
      const k = events[i++];
      if (!k || k.type !== EVENT_ID.SCALAR || k.anchorStart !== NONE || k.tagStart !== NONE) return BAIL;
      const key = scalar(k);
      if (typeof key !== 'string' || FORBIDDEN_KEYS.has(key) || Object.hasOwn(out, key)) return BAIL;
      const v = node(depth + 1);
      if (v === BAIL) return BAIL;
      out[key] = v;
    }
    i++;
    return out;
  };
  const scalar = (e: ScalarEvent): unknown => {
    if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) {
      if (explicitIndent(source, e)) return BAIL;
    } else if (e.valueStart !== NONE && source.lastIndexOf('\n', e.valueEnd - 1) >= e.valueStart) return BAIL; // folded over lines: read apart at the edges
    const text = getScalarValue(source, e);
    return e.style === SCALAR_STYLE.PLAIN ? plain(text) : text;
  };
  // an empty document is for the full reader to refuse
  if (events[i]?.type === EVENT_ID.POP) return undefined;
  const value = node(0);
  // the document ends here, and the stream with it
  if (value === BAIL || events[i]?.type !== EVENT_ID.POP || i + 1 !== events.length) return undefined;
  return value;
}
