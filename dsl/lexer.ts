// The DSL lexer: chevrotain's Lexer over the shared token definitions. Keywords are lexed as names
// and told apart afterwards: each keyword's pattern ends where a name could not go on and yields to
// a longer name, so a keyword is exactly a name that spells it, and one pattern per word does the
// work of a hundred tried at every word.
import { Lexer, type ILexingResult, type TokenType } from 'chevrotain';
import { allTokens, False, Ident, K, True } from './tokens.ts';

const keywordTypes = new Map<string, TokenType>([['true', True], ['false', False], ...Object.entries(K)]);
const keywordSet = new Set(keywordTypes.values());

let lexer: Lexer | undefined;

export function lex(source: string): ILexingResult {
  lexer ??= new Lexer(
    allTokens.filter((t) => !keywordSet.has(t)),
    { positionTracking: 'full', ensureOptimizations: false },
  );
  const lexed = lexer.tokenize(source);
  for (const t of lexed.tokens) {
    if (t.tokenType !== Ident) continue;
    const k = keywordTypes.get(t.image);
    if (k) {
      t.tokenType = k;
      t.tokenTypeIdx = k.tokenTypeIdx!;
    }
  }
  return lexed;
}
