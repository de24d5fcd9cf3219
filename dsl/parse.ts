// Source text → IR: lexing, the size and nesting caps, parsing (fail-fast or recovering) and
// lowering, with every problem reported as a Diagnostic carrying its span and a help text.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { diagnostic, nearest, type Diagnostic } from '../engine/diagnostics/index.ts';
import type { Code } from '../engine/diagnostics/codes.ts';
import type { Policy } from '../engine/ir/schema.ts';
import type { Locator } from '../engine/policy-types.ts';
import { keywords } from './lexical.ts';
import { lex } from './lexer.ts';
import { Lines, type Span } from './lower/cst.ts';
import { toIr, type Anchor } from './lower/visitor.ts';
import { PolicyParser, TooManyErrors } from './parser.ts';
import { syntaxHelp } from './syntax-help.ts';

const TOP_LEVEL = [
  'source',
  'plan',
  'fact',
  'event',
  'calendar',
  'instant',
  'counter',
  'clause',
  'assumption',
  'deadline',
  'entitlement',
  'refund',
  'credit',
  'no',
];

export const MAX_SOURCE_CHARS = 1024 * 1024;
export const MAX_NESTING = 64;
/** With recovery on, at most this many diagnostics are reported (the rest is noise). */
export const MAX_DIAGNOSTICS = 50;

/** problems of the whole text are shown at its start */
const START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export interface ParseOptions {
  file?: string;
  /** true: recover and report several errors (editors); false (default): stop at the first (CLI) */
  recover?: boolean;
}

export interface ParseResult {
  policy?: Policy;
  diagnostics: Diagnostic[];
  locate: Locator;
}

const parsers: { [k in 'recover' | 'failFast']?: PolicyParser } = {};
const parserFor = (recover: boolean) => (recover ? (parsers.recover ??= new PolicyParser(true)) : (parsers.failFast ??= new PolicyParser(false)));

/** What formatting needs beside the IR: the comments and where each declaration is. */
export interface DetailedParseResult extends ParseResult {
  comments?: IToken[];
  anchors?: Anchor[];
  headerEnd?: number;
}

export function parseDsl(source: string, options: ParseOptions = {}): ParseResult {
  const { policy, diagnostics, locate } = parseDslDetailed(source, options);
  return policy ? { policy, diagnostics, locate } : { diagnostics, locate };
}

export function parseDslDetailed(source: string, options: ParseOptions = {}): DetailedParseResult {
  const { file, recover = false } = options;
  let locate: Locator = () => undefined;
  const diags: Diagnostic[] = [];
  const fail = (code: Code, message: string, span: Span, help: string) => diags.push(diagnostic(code, message, { ...(file ? { file } : {}), ...span, help }));
  const done = (): ParseResult => ({ diagnostics: diags.slice(0, MAX_DIAGNOSTICS), locate });

  if (typeof source !== 'string') {
    fail('SLA1007', 'the policy is not text', START, 'pass the contents of a .sla file as a string');
    return done();
  }
  if (source.length > MAX_SOURCE_CHARS) {
    fail('SLA1004', `the policy is too large (${source.length} characters)`, START, `a policy may have at most ${MAX_SOURCE_CHARS} characters`);
    return done();
  }
  if (source.trim() === '') {
    fail('SLA1006', 'the policy is empty', START, 'start with `policy <id> "<title>"`');
    return done();
  }

  // lexing
  const lexed = lex(source);
  const lines = new Lines(source);
  for (const e of lexed.errors) {
    const text = source.slice(e.offset, e.offset + Math.min(e.length, 20));
    const quoteStart = text.startsWith('"');
    // a lexing error never spans a line break (white space always lexes)
    const { line, column } = lines.position(e.offset);
    const span = { line, column, endLine: line, endColumn: column + (quoteStart ? lineRest(source, e.offset) : e.length) };
    fail(
      quoteStart ? 'SLA1116' : 'SLA1101',
      quoteStart ? 'unterminated or invalid string' : `unexpected character${e.length > 1 ? 's' : ''} ${JSON.stringify(text)}`,
      span,
      quoteStart
        ? 'a string ends on the same line with `"`; write line breaks as \\n and quotes as \\"'
        : 'names are letters, digits, _ and -; put other text in "double quotes"; comments start with #',
    );
    if (!recover || diags.length >= MAX_DIAGNOSTICS) return done();
  }

  // nesting cap: the grammar nests only through brackets
  let depth = 0;
  for (const t of lexed.tokens) {
    const n = t.tokenType.name;
    if (n === 'LCurly' || n === 'LBracket' || n === 'LParen') {
      if (++depth > MAX_NESTING) {
        fail(
          'SLA1103',
          `brackets nested more than ${MAX_NESTING} deep`,
          lines.spanOf(t)!,
          'close the brackets that are left open; declarations nest at most a few levels',
        );
        return done();
      }
    } else if (n === 'RCurly' || n === 'RBracket' || n === 'RParen') depth = Math.max(0, depth - 1);
  }

  // parsing
  const parser = parserFor(recover);
  parser.maxErrors = MAX_DIAGNOSTICS - diags.length;
  parser.input = lexed.tokens;
  let cst: CstNode | undefined;
  try {
    cst = parser.policy();
  } catch (e) {
    if (!(e instanceof TooManyErrors)) throw e;
  }
  const last = lexed.tokens[lexed.tokens.length - 1];
  for (const e of parser.errors) {
    diags.push(parseDiagnostic(e, last, lines, file));
    if (!recover) break;
  }
  if (diags.length > 0 || !cst) return done();

  const lowered = toIr(parser, cst, lexed.tokens, (lexed.groups.docs ?? []) as IToken[], lines, file);
  locate = lowered.locate;
  diags.push(...lowered.diagnostics);
  if (diags.length > 0) return { ...done(), diagnostics: recover ? diags.slice(0, MAX_DIAGNOSTICS) : diags.slice(0, 1) };
  return {
    policy: lowered.policy,
    diagnostics: [],
    locate,
    comments: (lexed.groups.comments ?? []) as IToken[],
    anchors: lowered.anchors,
    headerEnd: (cst.children.header?.[0] as CstNode | undefined)?.location?.endOffset,
  };
}

function parseDiagnostic(e: IRecognitionException, last: IToken | undefined, lines: Lines, file?: string): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset);
  // at the end of the text: the empty span just past the last token
  const end = last ? lines.spanOf(last) : undefined;
  const span: Span = atEnd ? (end ? { line: end.endLine, column: end.endColumn, endLine: end.endLine, endColumn: end.endColumn } : START) : lines.spanOf(t)!;
  let code: Code = 'SLA1102';
  const rules = e.context?.ruleStack ?? [];
  const rule = [...rules].reverse().find((r) => syntaxHelp[r]);
  let help = rule ? syntaxHelp[rule] : syntaxHelp.policy;
  let message = e.message;
  let expected = [...message.slice(message.indexOf('expected')).matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
  if (e.name === 'NotAllInputParsedException' || /^expected EOF/.test(message)) {
    // the text after the last declaration does not start a declaration
    message = `unexpected '${t.image.slice(0, 40)}'; expected a declaration`;
    help = syntaxHelp.item;
    expected = TOP_LEVEL;
  }
  if (!atEnd && t.tokenType.name === 'Ident') {
    // suggest only keywords that are expected here
    const near = nearest(
      t.image,
      expected.filter((k) => keywords.includes(k)),
    );
    if (near && near !== t.image) help = `did you mean \`${near}\`? ${help}`;
  }
  if (!atEnd && t.tokenType.name.startsWith('K_') && /expected a name/.test(e.message)) {
    code = 'SLA1115';
    help = `\`${t.image}\` is a keyword: write it in "double quotes" to use it as a name here`;
  }
  return diagnostic(code, message, { ...(file ? { file } : {}), ...span, help });
}

/** how many characters are left on the line from `offset` on */
function lineRest(source: string, offset: number): number {
  const ends = [source.indexOf('\n', offset), source.indexOf('\r', offset)].filter((i) => i >= 0);
  return (ends.length ? Math.min(...ends) : source.length) - offset;
}
