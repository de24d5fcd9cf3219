// The `sla` process: runs the command line and sets the exit code (cli/main.ts has no side effects,
// so tests run commands in-process).
import { runCli } from './main.ts';

// A closed pipe (`sla eval … | head`) is not an error worth a message.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2));
