// An item citing a clause that has no text in one of the policy's source languages: explanations
// in that language fall back to another one.
import { citingItems } from '../walk-ir.ts';
import type { Finding, LintRule } from './lint-rule.ts';

export const clauseTextMissing: LintRule = {
  code: 'SLA6009',
  name: 'clause-text-missing',
  severity: 'warning',
  help: 'quote the clause in every language of `sources:` (a rendering is marked with `rendering_of`)',
  check(p) {
    const languages = [...new Set(p.sources.map((s) => s.lang))];
    const cited = [...new Set(citingItems(p).map((i) => i.clause))];
    return cited.flatMap((id) =>
      languages
        .filter((lang) => !Object.hasOwn(p.clauses[id]?.text ?? {}, lang))
        .map((lang): Finding => ({ path: `/clauses/${id}/text`, message: `clause \`${id}\` has no \`${lang}\` text, a language of the policy's sources` })),
    );
  },
};
