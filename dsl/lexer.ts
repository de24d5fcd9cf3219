// The DSL lexer: chevrotain's Lexer over the shared token definitions.
import { Lexer, type ILexingResult } from 'chevrotain';
import { allTokens } from './tokens.ts';

let lexer: Lexer | undefined;

export function lex(source: string): ILexingResult {
  lexer ??= new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
  return lexer.tokenize(source);
}
