// `sla eval <case file>`: answers a case; a readable report, or the Answer as JSON with --json.
import type { Backend, Case } from '../../engine/core.ts';
import { engineOption, expectPositionals, langOption, parseBackend, parseLang, policiesOption } from '../common-options.ts';
import { loadEngine } from '../engine.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { findPolicy, loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { readSourceFile } from '../read-source-file.ts';
import { formatEvalReport } from '../report/eval-report.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { styleFor } from '../text/style.ts';
import { UsageError } from '../usage-error.ts';
import { availableParallelism } from 'node:os';

export const help = `Usage: sla eval <case file> [--policy <id or file>] [--json] [--lang en|uk|fa] [--explain] [--engine compiled|json-rules-engine]
       sla eval --batch <cases.ndjson|folder|-> [--policy <id or file>] [--json] [--workers N] [--lang en|uk|fa] [--engine …]

Answers a case (YAML or JSON: at, plans, facts, events) under a policy: deadlines, entitlements,
the refund and credits, as a readable report.

With --batch, answers every case of an NDJSON file (one case per line; \`-\` reads standard input),
a case file, or a folder of them (searched recursively; test files are left out) under one policy,
on worker threads, streaming one line per case in input order: a short summary of its answer, or
with --json the Answer as one line of JSON. An invalid case (bad JSON on its line included) gets its
diagnostics on its line (\`{ "errors": [...] }\` with --json), each with its file and line, and the
batch goes on. On a terminal, stderr shows the progress (cases, rate, time left); at the end it
gets a summary (cases, answers, invalid cases with their diagnostics, time).

Options:
  --policy <id or file>  the policy (default: the case's \`policy:\`; for a batch, the first case's: all its
                         cases are answered under one policy); an id is looked up in the policies folder
  --json                 print the Answer as JSON; for an invalid case or policy, { "errors": [...] }
                         (each with its file, line, column and the end of its span)
  --lang en|uk|fa        the language of clause texts (default en)
  --explain              add each clause's text and the conditions that decided, with the values they saw
  --policies <dir>       where policy ids are looked up (default: the bundled policies/)
  --engine compiled|json-rules-engine
                         how the compiled rules are run: as closures (default) or by json-rules-engine, the reference
  --batch <cases>        answer many cases: an NDJSON file, \`-\` for standard input, a case file or a folder
  --workers N            worker threads for --batch (default: the cores available, ${availableParallelism()} here)

Exit codes: 0 answered (every case of a batch), 1 an invalid case or policy, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('eval', args, {
    policy: { type: 'string' },
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    ...engineOption,
    batch: { type: 'string' },
    workers: { type: 'string' },
    ...langOption,
    ...policiesOption,
  });
  if (values.batch === undefined && values.workers !== undefined) throw new UsageError('--workers is for --batch', 'eval');
  expectPositionals('eval', positionals, values.batch === undefined ? ['case file'] : []);
  const lang = parseLang('eval', values.lang);
  const backend = parseBackend('eval', values.engine);
  if (values.batch !== undefined) {
    if (values.explain) throw new UsageError('--explain is for one case: with --batch, --json gives each answer in full', 'eval');
    const { runBatch } = await import('../batch/run-batch.ts');
    return runBatch(values.batch, { ...values, lang, engine: backend, workers: parseWorkers(values.workers) });
  }
  try {
    return await answerCase(positionals[0], values, lang, backend);
  } catch (e) {
    const errors = diagnosticsOf(e);
    if (!values.json || !errors) throw e;
    process.stdout.write(`${JSON.stringify({ errors }, null, 2)}\n`);
    return EXIT_FINDING;
  }
}

const MAX_WORKERS = 256;

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_WORKERS)
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS}, not \`${value}\``, 'eval');
  return n;
}

async function answerCase(
  caseArg: string,
  values: { policy?: string; json?: boolean; explain?: boolean; policies?: string },
  lang: ReturnType<typeof parseLang>,
  backend: Backend,
): Promise<number> {
  const caseFile = await readSourceFile(caseArg);
  const engine = await loadEngine();
  const { value, locate } = engine.parseCaseSource(caseFile.text, caseFile.file);

  const named = typeof value === 'object' && value !== null ? (value as { policy?: unknown }).policy : undefined;
  if (values.policy === undefined && named === undefined) {
    throw new UsageError('no policy for this case: pass --policy <id or file> or set `policy:` in the case', 'eval');
  }
  // The command line may name a file; the case only an id in the policies folder.
  const dir = policiesDir(values.policies);
  let path: string;
  try {
    path = values.policy !== undefined ? await resolvePolicy(values.policy, dir) : await findPolicy(named as string, dir);
  } catch (e) {
    if (values.policy !== undefined || !(e instanceof engine.SlaError)) throw e;
    throw new engine.SlaError(e.diagnostics.map((d) => ({ ...d, file: caseFile.file, path: '/policy', ...locate('/policy') })));
  }
  const loaded = await loadPolicyFile(path);
  const policy = engine.compilePolicy(loaded);

  // the case is validated in depth by evaluate; its diagnostics carry the case file, and those
  // about the policy (a duration its clock cannot compute) only a pointer, placed here in its file
  const answer = await engine.evaluate(policy, value as Case, { lang, file: caseFile.file, locate, engine: backend }).catch((e: unknown) => {
    if (!(e instanceof engine.SlaError)) throw e;
    throw new engine.SlaError(
      e.diagnostics.map((d) => (d.file === undefined && d.path !== undefined ? { ...d, file: loaded.file, ...loaded.locate(d.path) } : d)),
    );
  });
  const out = process.stdout;
  out.write(
    values.json
      ? `${JSON.stringify(answer, null, 2)}\n`
      : formatEvalReport(answer, { style: styleFor(out), explain: values.explain, lang, width: out.columns }),
  );
  return EXIT_OK;
}
