// `sla cases generate <policy> --count N --seed S`: realistic random cases for a policy, one JSON
// case per line (NDJSON), the same for the same seed: a corpus for `sla diff` when there is none.
import { expectPositionals, policiesOption } from '../common-options.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { EXIT_OK } from '../report-error.ts';
import { UsageError } from '../usage-error.ts';

export const help = `Usage: sla cases generate <policy id or file> [--count N] [--seed S] [--policies <dir>]

Prints N valid cases for the policy as NDJSON (one case per line): every plan dimension chosen,
its facts, and a timeline of its events whose attributes take the values the policy tests.
The same seed gives the same cases (and a larger --count starts with the same ones).

Options:
  --count N         how many cases (default 100, at most 100000)
  --seed S          an integer seed (default 1)
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)

Example:
  sla cases generate relokia --count 1000 --seed 7 > corpus.ndjson
`;

const MAX_COUNT = 100_000;

function integerOption(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not \`${value}\``, 'cases');
  return n;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('cases', args, { ...policiesOption, count: { type: 'string' }, seed: { type: 'string' } });
  if (positionals[0] !== 'generate')
    throw new UsageError(positionals.length ? `unknown subcommand \`${positionals[0]}\`` : 'missing subcommand', 'cases', 'use `sla cases generate <policy>`');
  expectPositionals('cases generate', positionals.slice(1), ['policy id or file']);
  const count = integerOption('count', values.count, 100, 1, MAX_COUNT);
  const seed = integerOption('seed', values.seed, 1, 0, 2 ** 32 - 1);
  const loaded = await loadPolicyFile(await resolvePolicy(positionals[1], policiesDir(values.policies)));
  const { generateCases } = await import('../../engine/analysis/generate-cases.ts');
  const lines = generateCases(loaded.ir, { count, seed }).map((c) => JSON.stringify(c));
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
