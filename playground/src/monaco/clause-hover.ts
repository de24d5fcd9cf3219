// Hovering a clause id in the policy shows the clause's text in each of its languages.
import { declarations } from '../state.ts';
import { DSL_LANGUAGE_ID, monaco } from './setup.ts';

const CLAUSE_ID = /[A-Za-z0-9][\w.-]*/g;

export function registerClauseHover(): monaco.IDisposable {
  return monaco.languages.registerHoverProvider(['yaml', DSL_LANGUAGE_ID], {
    provideHover(model, position) {
      const clauses = declarations.value?.clauses;
      if (!clauses || !model.uri.path.includes('policy.')) return null;
      const line = model.getLineContent(position.lineNumber);
      for (const m of line.matchAll(CLAUSE_ID)) {
        const start = m.index + 1;
        if (position.column < start || position.column > start + m[0].length) continue;
        const clause = clauses[m[0]];
        if (!clause) return null;
        return {
          range: new monaco.Range(position.lineNumber, start, position.lineNumber, start + m[0].length),
          contents: [
            { value: `**${clause.title ?? m[0]}** — clause \`${m[0]}\`` },
            ...Object.entries(clause.text).map(([lang, text]) => ({ value: `*${lang}*: ${text}` })),
          ],
        };
      }
      return null;
    },
  });
}
