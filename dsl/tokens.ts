// The token definitions of the policy DSL: one list that both the chevrotain lexer and the Monaco
// Monarch tokenizer are built from.
import { createToken, Lexer, type TokenType } from 'chevrotain';

/** How the Monarch tokenizer colours a token. */
export type TokenClass =
  | 'keyword'
  | 'identifier'
  | 'string'
  | 'number'
  | 'number.date'
  | 'number.duration'
  | 'comment'
  | 'comment.doc'
  | 'delimiter'
  | 'operator'
  | 'white';

interface TokenDef {
  token: TokenType;
  /** the regular expression (a plain RegExp, so that Monarch can use it too) */
  regex: RegExp;
  cls: TokenClass;
}

const defs: TokenDef[] = [];
const def = (name: string, regex: RegExp, cls: TokenClass, extra: Partial<Parameters<typeof createToken>[0]> = {}) => {
  const token = createToken({ name, pattern: regex, ...extra });
  defs.push({ token, regex, cls });
  return token;
};

// ── trivia ──────────────────────────────────────────────────────────────────
export const WhiteSpace = def('WhiteSpace', /[ \t\r\n\f\v\uFEFF]+/, 'white', { group: Lexer.SKIPPED, line_breaks: true });
/** `## text` before a declaration becomes its description. */
export const DocComment = def('DocComment', /##[^\n\r]*/, 'comment.doc', { group: 'docs' });
export const Comment = def('Comment', /#[^\n\r]*/, 'comment', { group: 'comments' });

// ── literals ────────────────────────────────────────────────────────────────
export const StringLit = def('StringLit', /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/, 'string', {
  label: 'a "quoted string"',
});
export const ZoneName = def('ZoneName', /[A-Za-z_][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+/, 'string', {
  label: 'a time zone such as Europe/Kyiv',
});
export const Offset = def('Offset', /[+-]\d{2}:\d{2}(?![\d:-])/, 'number', { label: 'an offset such as +02:00' });
export const DateLit = def('DateLit', /\d{4}-\d{2}-\d{2}(?![\d-])/, 'number.date', { label: 'a date YYYY-MM-DD' });
export const TimeRange = def('TimeRange', /\d{2}:\d{2}-\d{2}:\d{2}(?![\d:])/, 'number.date', {
  label: 'working hours HH:MM-HH:MM',
});
export const MonthDay = def('MonthDay', /\d{2}-\d{2}(?![\d-])/, 'number.date', { label: 'a day of the year MM-DD' });
/** A duration as the IR spells it: `24 hours`, `3 business days`, `24 hours (business days)`, `1 solar year`. */
export const DurationLit = def(
  'DurationLit',
  /\d+(?:\.\d+)?[ \t]+(?:minutes?|hours[ \t]+\(business[ \t]+days\)|hours?|days?|weeks?|business[ \t]+days?|business[ \t]+hours?|solar[ \t]+years?)(?![A-Za-z0-9_-])/,
  'number.duration',
  { label: 'a duration such as 24 hours' },
);
export const NumberLit = def('NumberLit', /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![A-Za-z_])/, 'number', { label: 'a number' });

// ── punctuation ─────────────────────────────────────────────────────────────
export const LCurly = def('LCurly', /\{/, 'delimiter', { label: "'{'" });
export const RCurly = def('RCurly', /\}/, 'delimiter', { label: "'}'" });
export const LBracket = def('LBracket', /\[/, 'delimiter', { label: "'['" });
export const RBracket = def('RBracket', /\]/, 'delimiter', { label: "']'" });
export const LParen = def('LParen', /\(/, 'delimiter', { label: "'('" });
export const RParen = def('RParen', /\)/, 'delimiter', { label: "')'" });
export const Comma = def('Comma', /,/, 'delimiter', { label: "','" });
export const Colon = def('Colon', /:/, 'delimiter', { label: "':'" });
export const Pipe = def('Pipe', /\|/, 'operator', { label: "'|'" });
export const DotDot = def('DotDot', /\.\./, 'operator', { label: "'..'" });
export const Percent = def('Percent', /%/, 'operator', { label: "'%'" });
export const NotEq = def('NotEq', /!=/, 'operator', { label: "'!='" });
export const Gte = def('Gte', />=/, 'operator', { label: "'>='" });
export const Lte = def('Lte', /<=/, 'operator', { label: "'<='" });
export const Gt = def('Gt', />/, 'operator', { label: "'>'" });
export const Lt = def('Lt', /</, 'operator', { label: "'<'" });
export const Eq = def('Eq', /=/, 'operator', { label: "'='" });
export const Plus = def('Plus', /\+/, 'operator', { label: "'+'" });
export const Minus = def('Minus', /-/, 'operator', { label: "'-'" });

// ── words ───────────────────────────────────────────────────────────────────
export const IDENT_RE = /[A-Za-z_][A-Za-z0-9_-]*/;
export const Ident = createToken({ name: 'Ident', pattern: IDENT_RE, label: 'a name' });
/** Every keyword is also accepted where a declared name is expected and nothing can be confused. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a keyword' });

const kw = (word: string, category = true) =>
  def(`K_${word}`, new RegExp(`${word}(?![A-Za-z0-9_-])`), 'keyword', {
    longer_alt: Ident,
    label: `'${word}'`,
    ...(category ? { categories: [Keyword] } : {}),
  });

export const True = kw('true', false);
export const False = kw('false', false);
export const K = {
  policy: kw('policy'),
  version: kw('version'),
  effective: kw('effective'),
  zone: kw('zone'),
  currency: kw('currency'),
  calendar: kw('calendar'),
  schema: kw('schema'),
  source: kw('source'),
  rendering: kw('rendering'),
  of: kw('of'),
  plan: kw('plan'),
  default: kw('default'),
  fact: kw('fact'),
  required: kw('required'),
  optional: kw('optional'),
  event: kw('event'),
  with: kw('with'),
  without: kw('without'),
  duration: kw('duration'),
  base: kw('base'),
  days: kw('days'),
  hours: kw('hours'),
  holiday: kw('holiday'),
  on: kw('on'),
  easter: kw('easter'),
  jalali: kw('jalali'),
  types: kw('types'),
  from: kw('from'),
  until: kw('until'),
  substitute: kw('substitute'),
  suspended: kw('suspended'),
  because: kw('because'),
  extra: kw('extra'),
  off: kw('off'),
  working: kw('working'),
  instant: kw('instant'),
  counter: kw('counter'),
  breached: kw('breached'),
  count: kw('count'),
  sum: kw('sum'),
  per: kw('per'),
  clause: kw('clause'),
  assumption: kw('assumption'),
  deadline: kw('deadline'),
  owes: kw('owes'),
  should: kw('should'),
  must: kw('must'),
  within: kw('within'),
  after: kw('after'),
  before: kw('before'),
  priority: kw('priority'),
  internal: kw('internal'),
  reported: kw('reported'),
  for: kw('for'),
  all: kw('all'),
  plans: kw('plans'),
  by: kw('by'),
  first: kw('first'),
  last: kw('last'),
  where: kw('where'),
  in: kw('in'),
  not: kw('not'),
  no: kw('no'),
  and: kw('and'),
  or: kw('or'),
  exists: kw('exists'),
  now: kw('now'),
  started: kw('started'),
  allowed: kw('allowed'),
  open: kw('open'),
  entitlement: kw('entitlement'),
  limit: kw('limit'),
  unlimited: kw('unlimited'),
  kind: kw('kind'),
  used: kw('used'),
  excess: kw('excess'),
  opens: kw('opens'),
  at: kw('at'),
  closed: kw('closed'),
  paused: kw('paused'),
  max: kw('max'),
  when: kw('when'),
  always: kw('always'),
  cost: kw('cost'),
  field: kw('field'),
  refund: kw('refund'),
  basis: kw('basis'),
  requested: kw('requested'),
  rule: kw('rule'),
  except: kw('except'),
  otherwise: kw('otherwise'),
  credit: kw('credit'),
  downtime: kw('downtime'),
  below: kw('below'),
  pays: kw('pays'),
  times: kw('times'),
} as const;

defs.push({ token: Ident, regex: IDENT_RE, cls: 'identifier' });

/** Every token type in lexing order (the first that matches wins; keywords yield to longer names). */
export const allTokens: TokenType[] = [...defs.map((d) => d.token), Keyword];

/** The same definitions as plain data, for the Monarch tokenizer. */
export const tokenDefs: readonly TokenDef[] = defs;

export const keywords: readonly string[] = [True, False, ...Object.values(K)].map((t) =>
  t.name.slice('K_'.length),
);
