// `sla eval <case file>`: answers a case; a readable report, or the Answer as JSON with --json.
import type { Case } from '../../engine/core.ts';
import { expectPositionals, langOption, parseLang, policiesOption } from '../common-options.ts';
import { loadEngine } from '../engine.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { findPolicy, loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { readSourceFile } from '../read-source-file.ts';
import { formatEvalReport } from '../report/eval-report.ts';
import { diagnosticsOf, EXIT_FINDING, EXIT_OK } from '../report-error.ts';
import { styleFor } from '../text/style.ts';
import { UsageError } from '../usage-error.ts';

export const help = `Usage: sla eval <case file> [--policy <id or file>] [--json] [--lang en|uk|fa] [--explain] [--engine compiled|json-rules-engine]

Answers a case (YAML or JSON: at, plans, facts, events) under a policy: deadlines, entitlements,
the refund and credits, as a readable report.

Options:
  --policy <id or file>  the policy (default: the case's \`policy:\`); an id is looked up in the policies folder
  --json                 print the Answer as JSON; for an invalid case or policy, { "errors": [...] }
                         (each with its file, line, column and the end of its span)
  --lang en|uk|fa        the language of clause texts (default en)
  --explain              add each clause's text and the conditions that decided, with the values they saw
  --policies <dir>       where policy ids are looked up (default: the bundled policies/)
  --engine compiled|json-rules-engine
                         how the compiled rules are run: as closures (default) or by json-rules-engine, the reference

Exit codes: 0 answered, 1 an invalid case or policy, 2 bad usage.
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('eval', args, {
    policy: { type: 'string' },
    json: { type: 'boolean' },
    explain: { type: 'boolean' },
    engine: { type: 'string' },
    ...langOption,
    ...policiesOption,
  });
  expectPositionals('eval', positionals, ['case file']);
  const lang = parseLang('eval', values.lang);
  const backend = values.engine ?? 'compiled';
  if (backend !== 'compiled' && backend !== 'json-rules-engine')
    throw new UsageError(`unknown engine \`${backend}\`: use compiled or json-rules-engine`, 'eval');
  try {
    return await answerCase(positionals[0], values, lang, backend);
  } catch (e) {
    const errors = diagnosticsOf(e);
    if (!values.json || !errors) throw e;
    process.stdout.write(`${JSON.stringify({ errors }, null, 2)}\n`);
    return EXIT_FINDING;
  }
}

async function answerCase(
  caseArg: string,
  values: { policy?: string; json?: boolean; explain?: boolean; policies?: string },
  lang: ReturnType<typeof parseLang>,
  backend: 'compiled' | 'json-rules-engine',
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
