// `sla test --coverage`: per policy, the totals, a table of clauses, and what the cases have not
// yet exercised (rules or conditions seen one way only, outcomes never seen).
import type { Coverage, Ratio } from '../../engine/analysis/coverage.ts';
import type { Style } from '../text/style.ts';
import { renderTable } from '../text/table.ts';

const percent = ({ covered, total }: Ratio) => (total === 0 ? '100%' : `${Math.floor((covered / total) * 1000) / 10}%`);
const figure = (r: Ratio) => `${r.covered}/${r.total} (${percent(r)})`;

export function formatCoverage(c: Coverage, file: string, style: Style): string[] {
  const lines = [
    style.bold(`Coverage of ${file} by ${c.cases} cases${c.refused ? ` (${c.refused} refused as invalid)` : ''}`),
    `  clauses decided ${figure(c.totals.clauses)} · rules both ways ${figure(c.totals.rules)} · conditions both ways ${figure(c.totals.conditions)} · outcomes seen ${figure(c.totals.outcomes)}`,
    '',
  ];
  const rows = c.clauses.map((cl) => {
    const rules = c.rules.filter((r) => r.clause === cl.clause);
    const conditions = rules.flatMap((r) => r.conditions);
    const both = conditions.filter((x) => x.held > 0 && x.failed > 0).length;
    return [cl.clause, String(rules.length), String(cl.held), `${both}/${conditions.length}`];
  });
  lines.push(
    ...renderTable(
      [{ header: 'clause' }, { header: 'rules', align: 'right' }, { header: 'decided in', align: 'right' }, { header: 'conditions both ways', align: 'right' }],
      rows,
      { paintHeader: style.bold },
    ),
  );
  const gaps = [
    ...c.clauses.filter((cl) => cl.held === 0).map((cl) => `clause \`${cl.clause}\` never decided`),
    ...c.rules.filter((r) => r.conditions.length && !(r.held && r.failed)).map((r) => `rule ${r.rule} ${r.held ? 'never failed' : 'never held'}`),
    ...c.rules.flatMap((r) =>
      r.conditions.filter((x) => !(x.held && x.failed)).map((x) => `rule ${r.rule} condition "${x.description}" ${x.held ? 'never failed' : 'never held'}`),
    ),
    ...c.outcomes.filter((o) => o.seen.length < o.wanted.length).map((o) => `${o.item} never ${o.wanted.filter((w) => !o.seen.includes(w)).join(' or ')}`),
  ];
  if (gaps.length) lines.push('', '  not yet exercised:', ...gaps.map((g) => `    ${style.yellow(g)}`));
  return lines;
}
