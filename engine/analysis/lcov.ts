// Coverage as LCOV tracefile text, so editors can shade the policy file: each clause and each
// answer item is a line (hit by the cases in which it decided), each condition a branch pair
// (held, failed) at the line of the condition in the source.
import { parseRuleName } from '../compile/rule-name.ts';
import type { Policy } from '../ir/schema.ts';
import type { LoadedPolicy } from '../policy-types.ts';
import type { Coverage } from './coverage.ts';

/** The JSON pointer of the item a compiled rule decides. */
function itemPointer(p: Policy, rule: string): string | undefined {
  const id = parseRuleName(rule);
  const at = (list: { id: string }[] | undefined, wanted: string) => (list ?? []).findIndex((x) => x.id === wanted);
  switch (id?.kind) {
    case 'deadline':
      return `/deadlines/${at(p.deadlines, id.deadline)}`;
    case 'entitlement':
    case 'field':
      return `/entitlements/${at(p.entitlements, id.entitlement)}`;
    case 'credit':
      return `/credits/${at(p.credits, id.credit)}`;
    case 'amount':
      return `/amounts/${at(p.amounts, id.amount)}`;
    case 'refund':
      return `/refund/rules/${at(p.refund?.rules, id.rule)}`;
    case 'exclusion': {
      const i = at(p.refund?.rules, id.rule);
      return `/refund/rules/${i}/exclusions/${at(p.refund?.rules[i]?.exclusions, id.exclusion)}`;
    }
    default:
      return undefined;
  }
}

/** The pointer of a compiled condition (by its compiler label) inside its item. */
function conditionPointer(item: string, rule: string, name: string): string {
  const kind = parseRuleName(rule)?.kind;
  if (name.startsWith('when/')) return `${item}/${name}`;
  if (kind === 'field') return `${item}/fields/${name}`;
  if (kind === 'exclusion') return `${item}/when${name.slice(name.indexOf('/') === -1 ? name.length : name.indexOf('/'))}`;
  if (name === 'plan') return `${item}/applies`;
  if (['opens', 'until', 'closed_by', 'pause', 'limit', 'ledger', 'value'].includes(name)) return `${item}/${name}`;
  return item;
}

export function toLcov(coverage: Coverage, loaded: LoadedPolicy, file: string): string {
  const p = loaded.ir;
  const lineOf = (...pointers: string[]) => pointers.map((ptr) => loaded.locate(ptr)?.line).find((l) => l !== undefined);
  const lines = new Map<number, number>();
  const hit = (line: number | undefined, n: number) => line !== undefined && lines.set(line, Math.max(lines.get(line) ?? 0, n));
  const branches: string[] = [];
  let taken = 0;
  for (const c of coverage.clauses) hit(lineOf(`/clauses/${c.clause}`), c.held);
  coverage.rules.forEach((r, block) => {
    const item = itemPointer(p, r.rule);
    if (item === undefined) return;
    hit(lineOf(item), r.held);
    r.conditions.forEach((c, k) => {
      const line = lineOf(conditionPointer(item, r.rule, c.name), item);
      if (line === undefined) return;
      // Branch 2k: the condition held; 2k+1: it failed.
      branches.push(`BRDA:${line},${block},${2 * k},${c.held}`, `BRDA:${line},${block},${2 * k + 1},${c.failed}`);
      taken += (c.held > 0 ? 1 : 0) + (c.failed > 0 ? 1 : 0);
    });
  });
  const da = [...lines].sort(([a], [b]) => a - b).map(([line, n]) => `DA:${line},${n}`);
  return [
    'TN:',
    `SF:${file}`,
    ...branches,
    `BRF:${branches.length}`,
    `BRH:${taken}`,
    ...da,
    `LF:${da.length}`,
    `LH:${[...lines.values()].filter((n) => n > 0).length}`,
    'end_of_record',
    '',
  ].join('\n');
}
