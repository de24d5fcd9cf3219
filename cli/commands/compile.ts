// `sla compile <policy file>`: the compiled policy (json-rules-engine rules and what the runtime
// needs beside them) as JSON.
import { expectPositionals, policiesOption } from '../common-options.ts';
import { loadEngine } from '../engine.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { EXIT_OK } from '../report-error.ts';

export const help = `Usage: sla compile <policy file> [--policies <dir>]

Prints the compiled policy as JSON: plain json-rules-engine rules plus the zone, calendars,
declarations and clause texts the runtime needs beside them. A policy id is looked up in the
policies folder.

Options:
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('compile', args, { ...policiesOption });
  expectPositionals('compile', positionals, ['policy file']);
  const policy = await loadPolicyFile(await resolvePolicy(positionals[0], policiesDir(values.policies)));
  const { compilePolicy, canonicalJson } = await loadEngine();
  process.stdout.write(`${canonicalJson(compilePolicy(policy))}\n`);
  return EXIT_OK;
}
