// `sla diff <old policy> <new policy>`: what changed between two versions of a policy, in its own
// terms, and which answers the change alters over a corpus of cases, grouped by item and kind of
// change; --fail-on-change makes it a CI gate.
import type { Impact } from '../../engine/analysis/impact.ts';
import { policiesOption } from '../common-options.ts';
import { loadEngine } from '../engine.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { readCorpus } from '../read-corpus.ts';
import { EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { plural } from '../text/plural.ts';
import { styleFor, type Style } from '../text/style.ts';
import { renderTable } from '../text/table.ts';
import { UsageError } from '../usage-error.ts';

export const help = `Usage: sla diff <old policy> <new policy> [--cases <folder or ndjson>] [--generate N [--seed S]]
                [--at <instant>…] [--json] [--fail-on-change] [--policies <dir>]

Shows what changed from the old version of a policy to the new one, in the policy's own terms
(items, windows, limits, calendars, clauses added, removed or changed, per plan option), then,
over a corpus of cases, every answer that changes, grouped by item and kind of change, with the
cases in each group and a summary table.

Options:
  --cases <path>     the corpus: an NDJSON file (one case per line), a case or test file, or a
                     folder of them (test files give their cases)
  --generate N       a corpus of N cases generated for the old policy (see \`sla cases generate\`)
  --seed S           the seed of --generate (default 1)
  --at <instant>     answer every case at this instant instead of its own \`at\` (repeatable)
  --json             { "policy": [...changes], "answers": { evaluated, changed, groups, details } }
  --fail-on-change   exit 1 when the policy or any answer changes
  --policies <dir>   where policy ids are looked up (default: the bundled policies/)

Exit codes: 0 done (or nothing changed, with --fail-on-change), 1 a change with --fail-on-change
or an invalid policy, 2 bad usage.
`;

const SHOWN_KEYS = 5;

function printText(changes: string[], result: Impact | undefined, names: [string, string], style: Style): string[] {
  const lines = [style.bold(`Policy changes, ${names[0]} → ${names[1]}:`)];
  if (changes.length === 0) lines.push('  none');
  for (const c of changes) lines.push(`  ${c}`);
  if (!result) return lines;
  lines.push('', style.bold(`Answers over ${plural(result.evaluated, 'evaluation')}: ${result.changed} changed`));
  for (const g of result.groups) {
    const shown = g.cases.slice(0, SHOWN_KEYS).join(', ');
    const more = g.cases.length > SHOWN_KEYS ? `, … ${g.cases.length - SHOWN_KEYS} more` : '';
    lines.push(`  ${g.item} ${g.change}: ${plural(g.cases.length, 'case')} (${shown}${more})`);
  }
  if (result.groups.length) {
    lines.push('');
    lines.push(
      ...renderTable(
        [{ header: 'item' }, { header: 'change' }, { header: 'cases', align: 'right' }],
        result.groups.map((g) => [g.item, g.change, String(g.cases.length)]),
        { paintHeader: style.bold },
      ),
    );
  }
  return lines;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('diff', args, {
    ...policiesOption,
    cases: { type: 'string' },
    generate: { type: 'string' },
    seed: { type: 'string' },
    at: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'fail-on-change': { type: 'boolean' },
  });
  if (positionals.length !== 2)
    throw new UsageError(positionals.length < 2 ? 'missing <old policy> <new policy>' : `unexpected argument \`${positionals[2]}\``, 'diff');
  if (values.cases !== undefined && values.generate !== undefined) throw new UsageError('give --cases or --generate, not both', 'diff');
  const count = values.generate === undefined ? undefined : Number(values.generate);
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 100_000))
    throw new UsageError(`--generate must be an integer from 1 to 100000, not \`${values.generate}\``, 'diff');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a non-negative integer, not \`${values.seed}\``, 'diff');
  const at = values.at ?? [];
  const { parseInstant } = await import('../../engine/calendar/index.ts');
  for (const a of at)
    if (typeof parseInstant(a) !== 'number') throw new UsageError(`--at \`${a}\` is not an instant with an offset`, 'diff', 'e.g. 2025-03-10T12:00:00+02:00');

  const dir = policiesDir(values.policies);
  const [before, after] = [await loadPolicyFile(await resolvePolicy(positionals[0], dir)), await loadPolicyFile(await resolvePolicy(positionals[1], dir))];
  const { semanticDiff, formatPolicyChange } = await import('../../engine/analysis/semantic-diff.ts');
  const changes = semanticDiff(before.ir, after.ir);

  let result: Impact | undefined;
  if (values.cases !== undefined || count !== undefined) {
    const corpus =
      values.cases !== undefined
        ? await readCorpus(values.cases)
        : (await import('../../engine/analysis/generate-cases.ts'))
            .generateCases(before.ir, { count: count!, seed })
            .map((c, i) => ({ key: `#${i + 1}`, case: c }));
    const { compilePolicy } = await loadEngine();
    const { impact } = await import('../../engine/analysis/impact.ts');
    result = await impact(compilePolicy(before), compilePolicy(after), corpus, { at });
  }

  const out = process.stdout;
  if (values.json) out.write(`${JSON.stringify({ policy: changes, ...(result ? { answers: result } : {}) }, null, 2)}\n`);
  else {
    const names: [string, string] = [`${before.ir.id} ${before.ir.version}`, `${after.ir.id} ${after.ir.version}`];
    out.write(`${printText(changes.map(formatPolicyChange), result, names, styleFor(out)).join('\n')}\n`);
  }
  const changed = changes.length > 0 || (result?.changed ?? 0) > 0;
  return values['fail-on-change'] && changed ? EXIT_FINDING : EXIT_OK;
}
