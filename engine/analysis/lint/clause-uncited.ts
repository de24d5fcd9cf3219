// A clause that no answer item cites and no assumption explains: either an item is missing or the
// clause is quoted for nothing.
import { citingItems } from '../walk-ir.ts';
import type { Finding, LintRule } from './lint-rule.ts';

export const clauseUncited: LintRule = {
  code: 'SLA6008',
  name: 'clause-uncited',
  severity: 'warning',
  help: 'cite it from the item it grounds, or say in an assumption why no item follows from it',
  check(p) {
    const cited = new Set([...citingItems(p).map((i) => i.clause), ...(p.assumptions ?? []).map((a) => a.clause)]);
    return Object.keys(p.clauses)
      .filter((id) => !cited.has(id))
      .map((id): Finding => ({ path: `/clauses/${id}`, message: `clause \`${id}\` is cited by no item and explained by no assumption` }));
  },
};
