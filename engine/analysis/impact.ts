// The impact of a policy change over a corpus of cases: each case answered under both versions
// (at its own `at`, or at each instant asked for), the changes grouped by item and kind of change,
// with the keys of the cases in each group.
import type { Case } from '../case/case-input.ts';
import { evaluate } from '../evaluate/evaluate.ts';
import type { Answer } from '../answer.ts';
import type { CompiledPolicy } from '../policy-types.ts';
import { diffAnswers, type AnswerChange } from './answer-diff.ts';

export interface CorpusCase {
  /** how the case is named in reports: a file, `file#case name`, `line 12` */
  key: string;
  case: Case;
}

export interface ImpactGroup {
  item: string;
  change: string;
  /** the keys of the cases (`key @ instant` with several instants) */
  cases: string[];
}

export interface Impact {
  /** evaluations made under each version: cases × instants */
  evaluated: number;
  /** evaluations whose answer changed */
  changed: number;
  /** largest first */
  groups: ImpactGroup[];
  /** every evaluation that changed, with its changes (subjects and values included) */
  details: { key: string; changes: AnswerChange[] }[];
}

type Outcome = { answer: Answer } | { error: string };

async function answer(policy: CompiledPolicy, c: Case): Promise<Outcome> {
  try {
    return { answer: await evaluate(policy, c) };
  } catch (e) {
    const codes = (e as { diagnostics?: { code: string }[] }).diagnostics?.map((d) => d.code);
    if (!codes) throw e;
    return { error: [...new Set(codes)].join(', ') };
  }
}

function compare(a: Outcome, b: Outcome): AnswerChange[] {
  if ('answer' in a && 'answer' in b) return diffAnswers(a.answer, b.answer);
  if ('error' in a && 'error' in b) return a.error === b.error ? [] : [{ item: 'case', change: `invalid (${a.error}) → invalid (${b.error})` }];
  return [{ item: 'case', change: 'error' in a ? `invalid (${a.error}) → valid` : `valid → invalid (${(b as { error: string }).error})` }];
}

export async function impact(
  before: CompiledPolicy,
  after: CompiledPolicy,
  corpus: readonly CorpusCase[],
  options: { at?: readonly string[] } = {},
): Promise<Impact> {
  const groups = new Map<string, ImpactGroup>();
  const details: Impact['details'] = [];
  let evaluated = 0;
  for (const { key, case: c } of corpus) {
    // A case names its policy; both versions answer it, whatever their ids.
    const { policy: _policy, ...question } = c;
    const instants = options.at?.length ? options.at : [undefined];
    for (const at of instants) {
      const asked = at === undefined ? question : { ...question, at };
      const name = at === undefined ? key : `${key} @ ${at}`;
      evaluated++;
      const changes = compare(await answer(before, asked as Case), await answer(after, asked as Case));
      if (changes.length === 0) continue;
      details.push({ key: name, changes });
      for (const ch of changes) {
        const id = `${ch.item}\u0000${ch.change}`;
        const group = groups.get(id) ?? groups.set(id, { item: ch.item, change: ch.change, cases: [] }).get(id)!;
        if (group.cases.at(-1) !== name) group.cases.push(name);
      }
    }
  }
  const sorted = [...groups.values()].sort((x, y) => y.cases.length - x.cases.length || x.item.localeCompare(y.item) || x.change.localeCompare(y.change));
  return { evaluated, changed: details.length, groups: sorted, details };
}
