// The lexical rules of the DSL, as plain data: the patterns of its literals and names and its
// keywords. The chevrotain tokens (tokens.ts), the Monarch tokenizer (monarch.ts) and the printer
// (print-dsl.ts, which must write a value so that it lexes back as the same token) all read them.

/** A pattern, unanchored, as the lexer matches it at the current offset. */
export const PATTERNS = {
  whiteSpace: /[ \t\r\n\f\v\uFEFF]+/,
  docComment: /##[^\n\r]*/,
  comment: /#[^\n\r]*/,
  string: /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/,
  zone: /[A-Za-z_][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+/,
  offset: /[+-]\d{2}:\d{2}(?![\d:-])/,
  date: /\d{4}-\d{2}-\d{2}(?![\d-])/,
  timeRange: /\d{2}:\d{2}-\d{2}:\d{2}(?![\d:])/,
  monthDay: /\d{2}-\d{2}(?![\d-])/,
  /** a duration as the IR spells it: `24 hours`, `3 business days`, `24 hours (business days)`, `1 solar year` */
  duration:
    /\d+(?:\.\d+)?[ \t]+(?:minutes?|hours[ \t]+\(business[ \t]+days\)|hours?|days?|weeks?|business[ \t]+days?|business[ \t]+hours?|solar[ \t]+years?)(?![A-Za-z0-9_-])/,
  number: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![A-Za-z_])/,
  ident: /[A-Za-z_][A-Za-z0-9_-]*/,
  /** an unterminated string, for editors: it still reads as a string while it is being typed */
  openString: /"(?:[^"\\]|\\.)*$/,
} as const;

/** A keyword ends where a name could not go on. */
export const keywordPattern = (word: string) => new RegExp(`${word}(?![A-Za-z0-9_-])`);

export const BOOLEANS = ['true', 'false'] as const;

/** The keywords, in lexing order. Every one but true/false may also stand as a declared name where
 *  only punctuation can follow it. */
export const KEYWORDS = [
  'policy',
  'version',
  'effective',
  'zone',
  'currency',
  'calendar',
  'schema',
  'source',
  'rendering',
  'of',
  'plan',
  'default',
  'fact',
  'required',
  'optional',
  'event',
  'with',
  'without',
  'duration',
  'base',
  'days',
  'hours',
  'holiday',
  'on',
  'easter',
  'jalali',
  'types',
  'from',
  'until',
  'substitute',
  'suspended',
  'because',
  'extra',
  'off',
  'working',
  'instant',
  'known',
  'counter',
  'breached',
  'count',
  'sum',
  'per',
  'clause',
  'assumption',
  'deadline',
  'owes',
  'should',
  'must',
  'within',
  'after',
  'before',
  'priority',
  'internal',
  'reported',
  'for',
  'all',
  'plans',
  'by',
  'each',
  'first',
  'last',
  'where',
  'in',
  'not',
  'no',
  'and',
  'or',
  'exists',
  'now',
  'started',
  'allowed',
  'open',
  'entitlement',
  'limit',
  'unlimited',
  'kind',
  'used',
  'excess',
  'ledger',
  'opens',
  'at',
  'closed',
  'paused',
  'max',
  'min',
  'when',
  'always',
  'cost',
  'amount',
  'value',
  'field',
  'refund',
  'basis',
  'requested',
  'rule',
  'except',
  'otherwise',
  'credit',
  'downtime',
  'below',
  'pays',
  'times',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Every reserved word, booleans included. */
export const keywords: readonly string[] = [...BOOLEANS, ...KEYWORDS];
const KEYWORD_SET = new Set(keywords);
export const isKeyword = (s: string) => KEYWORD_SET.has(s);

/** Whether the whole of `s` is one token of the pattern (and nothing else). */
const whole = (re: RegExp) => {
  const anchored = new RegExp(`^(?:${re.source})$`);
  return (s: string) => anchored.test(s);
};
export const isIdent = whole(PATTERNS.ident);
export const isZoneName = whole(PATTERNS.zone);
export const isOffset = whole(PATTERNS.offset);
export const isDate = whole(PATTERNS.date);
export const isTimeRange = whole(PATTERNS.timeRange);
const lexesAsDuration = whole(PATTERNS.duration);
/** A duration literal in its canonical spelling (the lexer folds runs of blanks into one space). */
export const isDuration = (s: string) => lexesAsDuration(s) && !/[\t]| {2}/.test(s);
