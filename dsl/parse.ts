// Source text → IR: lexing, the size and nesting caps, parsing (fail-fast or recovering) and
// lowering, with every problem reported as a Diagnostic carrying line:column and a help text.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import { diagnostic, nearest, type Diagnostic } from '../engine/diagnostics/index.ts';
import type { Code } from '../engine/diagnostics/codes.ts';
import type { Policy } from '../engine/ir/schema.ts';
import type { Locator, Position } from '../engine/policy-types.ts';
import { lex } from './lexer.ts';
import { PolicyParser, TooManyErrors } from './parser.ts';
import { syntaxHelp } from './syntax-help.ts';
import { toIr, type Anchor } from './to-ir.ts';
import { keywords } from './tokens.ts';

const TOP_LEVEL = ['source', 'plan', 'fact', 'event', 'calendar', 'instant', 'counter', 'clause', 'assumption', 'deadline', 'entitlement', 'refund', 'credit', 'no'];

export const MAX_SOURCE_CHARS = 1024 * 1024;
export const MAX_NESTING = 64;
/** With recovery on, at most this many diagnostics are reported (the rest is noise). */
export const MAX_DIAGNOSTICS = 50;

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
const parserFor = (recover: boolean) =>
  recover ? (parsers.recover ??= new PolicyParser(true)) : (parsers.failFast ??= new PolicyParser(false));

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
  let positions = new Map<string, Position>();
  const locate: Locator = (pointer) => {
    let p = pointer;
    for (;;) {
      const hit = positions.get(p);
      if (hit) return hit;
      if (p === '') return undefined;
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')));
    }
  };
  const diags: Diagnostic[] = [];
  const where = (line: number | undefined, column: number | undefined) => ({
    ...(file ? { file } : {}),
    ...(line !== undefined && Number.isFinite(line) ? { line, column: column ?? 1 } : {}),
  });
  const fail = (code: Code, message: string, line: number | undefined, column: number | undefined, help: string) =>
    diags.push(diagnostic(code, message, { ...where(line, column), help }));
  const done = (): ParseResult => ({ diagnostics: diags.slice(0, MAX_DIAGNOSTICS), locate });

  if (typeof source !== 'string') {
    fail('SLA1007', 'the policy is not text', undefined, undefined, 'pass the contents of a .sla file as a string');
    return done();
  }
  if (source.length > MAX_SOURCE_CHARS) {
    fail('SLA1004', `the policy is too large (${source.length} characters)`, 1, 1, `a policy may have at most ${MAX_SOURCE_CHARS} characters`);
    return done();
  }
  if (source.trim() === '') {
    fail('SLA1006', 'the policy is empty', 1, 1, 'start with `policy <id> "<title>"`');
    return done();
  }

  // lexing
  const lexed = lex(source);
  for (const e of lexed.errors) {
    const text = source.slice(e.offset, e.offset + Math.min(e.length, 20));
    const quoteStart = text.startsWith('"');
    fail(
      'SLA1101',
      quoteStart ? 'unterminated or invalid string' : `unexpected character${e.length > 1 ? 's' : ''} ${JSON.stringify(text)}`,
      e.line,
      e.column,
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
        fail('SLA1103', `brackets nested more than ${MAX_NESTING} deep`, t.startLine, t.startColumn, 'close the brackets that are left open; declarations nest at most a few levels');
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
    diags.push(parseDiagnostic(e, last, file));
    if (!recover) break;
  }
  if (diags.length > 0 || !cst) return done();

  const lowered = toIr(cst, lexed.tokens, (lexed.groups.docs ?? []) as IToken[], file);
  positions = lowered.positions;
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

function parseDiagnostic(e: IRecognitionException, last: IToken | undefined, file?: string): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType.name === 'EOF' || !Number.isFinite(t.startLine);
  const line = atEnd ? (last ? last.endLine : 1) : t.startLine;
  const column = atEnd ? (last ? (last.endColumn ?? 0) + 1 : 1) : t.startColumn;
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
    const near = nearest(t.image, expected.filter((k) => keywords.includes(k)));
    if (near && near !== t.image) help = `did you mean \`${near}\`? ${help}`;
  }
  if (!atEnd && t.tokenType.name.startsWith('K_') && /expected a name/.test(e.message)) {
    help = `\`${t.image}\` is a keyword: write it in "double quotes" to use it as a name here`;
  }
  return diagnostic('SLA1102', message, {
    ...(file ? { file } : {}),
    ...(line !== undefined && Number.isFinite(line) ? { line: line as number, column: (column ?? 1) as number } : {}),
    help,
  });
}
