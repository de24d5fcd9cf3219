// `sla <command> …`: finds the command and runs it. Without side effects, so tests run it in-process;
// bin/sla.js is the executable that turns every error into an exit code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from '../engine/diagnostics/suggest.ts';
import { COMMANDS } from './command-table.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { EXIT_OK, EXIT_USAGE } from './report-error.ts';
import { UsageError } from './usage-error.ts';

const HELP = `sla — answers deadlines, entitlements, refunds and credits from SLA policies

Usage: sla <command> [options]

Commands:
${(() => {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
})()}

Options:
  --policies <dir>  where policy ids are looked up (default: the bundled policies/)
  -h, --help        help for a command: sla <command> --help
  --version         the version of sla

Exit codes: 0 ok, 1 a finding (invalid policy, failed test), 2 bad usage.
`;

/** --help / -h before any `--` (after it, arguments are file names). */
const asksForHelp = (args: string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(HELP);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(topic ? (await topic.load()).help : HELP);
    return EXIT_OK;
  }
  if (name === '--version') {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const what = name.startsWith('-') ? `option \`${name}\` before a command` : `unknown command \`${name}\``;
    throw new UsageError(
      what,
      undefined,
      didYouMean(
        name,
        COMMANDS.map((c) => c.name),
      ),
    );
  }
  const command = await entry.load();
  if (asksForHelp(rest)) {
    process.stdout.write(command.help);
    return EXIT_OK;
  }
  return command.run(rest);
}

export { reportError } from './report-error.ts';
