#!/usr/bin/env node
// The `sla` command: runs the built CLI, turning every error into an exit code.
import { existsSync } from 'node:fs';

// dist/sla/ is the CLI bundled at build time (one file per command loaded on demand: fast start).
const entry = new URL('../dist/sla/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sla: the package is not built (dist/ is missing): run `npm run build` in its folder\n');
  process.exit(2);
}
const { main, reportError } = await import(entry.href);

// A closed pipe (`sla eval … | head`) is not an error worth a message.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.exitCode = reportError(e);
}
