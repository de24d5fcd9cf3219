// `sla convert --to dsl|yaml <file>`: a policy in the other front end's form, through the one IR
// (so the result is validated like any policy, and converting back gives the same IR).
import { expectPositionals, policiesOption } from '../common-options.ts';
import { loadDsl } from '../dsl.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { loadPolicyFile, policiesDir, resolvePolicy } from '../policies.ts';
import { EXIT_OK } from '../report-error.ts';
import { UsageError } from '../usage-error.ts';

export const help = `Usage: sla convert --to dsl|yaml <file> [--policies <dir>]

Converts a policy between YAML and the DSL, losslessly, and prints the result.
A policy id instead of a file is looked up in the policies folder.

Options:
  --to dsl|yaml     the form to print (required)
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)
`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('convert', args, { to: { type: 'string' }, ...policiesOption });
  if (values.to === undefined) throw new UsageError('missing --to dsl|yaml', 'convert');
  if (values.to !== 'dsl' && values.to !== 'yaml') {
    throw new UsageError(`cannot convert to \`${values.to}\`: use --to dsl or --to yaml`, 'convert');
  }
  expectPositionals('convert', positionals, ['file']);
  const policy = await loadPolicyFile(await resolvePolicy(positionals[0], policiesDir(values.policies)));
  const dsl = await loadDsl();
  const print = values.to === 'dsl' ? dsl.printDsl : dsl.printYaml;
  const text = print(policy.ir);
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return EXIT_OK;
}
