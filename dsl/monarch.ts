// A Monarch tokenizer for Monaco, generated from the lexer's own token definitions so that the
// editor colours exactly the tokens the parser sees.
import { keywords, PATTERNS } from './lexical.ts';
import { tokenDefs, Ident } from './tokens.ts';

export const dslLanguageId = 'sla';

type MonarchRule = [RegExp, string | { cases: Record<string, string> }];

const rules: MonarchRule[] = [];
for (const d of tokenDefs) {
  if (d.cls === 'keyword') continue; // keywords are names that `cases` picks out, as longer_alt does in the lexer
  if (d.token === Ident) rules.push([d.regex, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }]);
  else if (d.cls === 'delimiter' && /[{}()[\]]/.test(d.regex.source.replace(/\\/g, ''))) rules.push([d.regex, '@brackets']);
  else rules.push([d.regex, d.cls]);
}
// an unterminated string still reads as a string while it is being typed
rules.push([PATTERNS.openString, 'string.invalid']);

export interface MonarchLanguage {
  defaultToken: string;
  tokenPostfix: string;
  keywords: string[];
  brackets: { open: string; close: string; token: string }[];
  tokenizer: { root: MonarchRule[] };
}

/** Monaco's IMonarchLanguage for `.sla` files (pass it to `languages.setMonarchTokensProvider`). */
export const monarchLanguage: MonarchLanguage = {
  defaultToken: 'invalid',
  tokenPostfix: '.sla',
  keywords: [...keywords],
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: { root: rules },
};

/** Monaco's LanguageConfiguration: comments, brackets and auto-closing pairs. */
export const languageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
};
