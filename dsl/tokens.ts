// The chevrotain tokens of the policy DSL, built from the lexical rules (lexical.ts), and the same
// list as plain data for the Monaco Monarch tokenizer.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS, keywordPattern, PATTERNS, type Keyword as LexKeyword } from './lexical.ts';

/** How the Monarch tokenizer colours a token. */
export type TokenClass =
  'keyword' | 'identifier' | 'string' | 'number' | 'number.date' | 'number.duration' | 'comment' | 'comment.doc' | 'delimiter' | 'operator' | 'white';

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
export const WhiteSpace = def('WhiteSpace', PATTERNS.whiteSpace, 'white', { group: Lexer.SKIPPED, line_breaks: true });
/** `## text` before a declaration becomes its description. */
export const DocComment = def('DocComment', PATTERNS.docComment, 'comment.doc', { group: 'docs' });
export const Comment = def('Comment', PATTERNS.comment, 'comment', { group: 'comments' });

// ── literals ────────────────────────────────────────────────────────────────
export const StringLit = def('StringLit', PATTERNS.string, 'string', { label: 'a "quoted string"' });
export const ZoneName = def('ZoneName', PATTERNS.zone, 'string', { label: 'a time zone such as Europe/Kyiv' });
export const Offset = def('Offset', PATTERNS.offset, 'number', { label: 'an offset such as +02:00' });
export const DateLit = def('DateLit', PATTERNS.date, 'number.date', { label: 'a date YYYY-MM-DD' });
export const TimeRange = def('TimeRange', PATTERNS.timeRange, 'number.date', { label: 'working hours HH:MM-HH:MM' });
export const MonthDay = def('MonthDay', PATTERNS.monthDay, 'number.date', { label: 'a day of the year MM-DD' });
export const DurationLit = def('DurationLit', PATTERNS.duration, 'number.duration', { label: 'a duration such as 24 hours' });
export const NumberLit = def('NumberLit', PATTERNS.number, 'number', { label: 'a number' });

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
export const Ident = createToken({ name: 'Ident', pattern: PATTERNS.ident, label: 'a name' });
/** Every keyword is also accepted where a declared name is expected and nothing can be confused. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA, label: 'a keyword' });

const kw = (word: string, category = true) =>
  def(`K_${word}`, keywordPattern(word), 'keyword', {
    longer_alt: Ident,
    label: `'${word}'`,
    ...(category ? { categories: [Keyword] } : {}),
  });

export const True = kw('true', false);
export const False = kw('false', false);
export const K = Object.fromEntries(KEYWORDS.map((w) => [w, kw(w)])) as { readonly [W in LexKeyword]: TokenType };

defs.push({ token: Ident, regex: PATTERNS.ident, cls: 'identifier' });

/** Every token type in lexing order (the first that matches wins; keywords yield to longer names). */
export const allTokens: TokenType[] = [...defs.map((d) => d.token), Keyword];

/** The same definitions as plain data, for the Monarch tokenizer. */
export const tokenDefs: readonly TokenDef[] = defs;

export { keywords } from './lexical.ts';
