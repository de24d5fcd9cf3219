// `sla serve`: the HTTP API and the playground, until SIGTERM or SIGINT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine } from '../parse-command-line.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { PLAYGROUND_DIR } from '../playground-dir.ts';
import { BUNDLED_POLICIES } from '../policies.ts';
import { EXIT_OK } from '../report-error.ts';
import { UsageError } from '../usage-error.ts';
import { expectPositionals } from '../common-options.ts';

export const help = `Usage: sla serve [--host 127.0.0.1] [--port 8080] [options]

Serves the HTTP API (described at /openapi.json) and the playground (at /) until SIGTERM or
SIGINT, then finishes the requests in flight and exits 0. Logs are JSON lines on stdout.

Options (each also an environment variable):
  --host <address>             SLA_HOST             address to bind (default 127.0.0.1)
  --port <n>                   SLA_PORT             port (default 8080; 0 picks a free one)
  --policies <dir>             SLA_POLICIES         the bundled policies (default: policies/)
  --watch                      SLA_WATCH            reload a policy whose file changes
  --body-limit <size>          SLA_BODY_LIMIT       largest request body (default 1mib)
  --batch-limit <n>            SLA_BATCH_LIMIT      most cases in one batch (default 100)
  --timeline-limit <n>         SLA_TIMELINE_LIMIT   most instants in one timeline (default 100)
  --time-budget <ms>           SLA_TIME_BUDGET_MS   evaluation time per request before 503 (default 2000)
  --cache-size <n>             SLA_CACHE_SIZE       compiled policies kept (default 64)
  --max-event-loop-delay <ms>  SLA_MAX_EVENT_LOOP_DELAY_MS  refuse with 503 above this delay (default 1000; 0 never)
  --decision-log <file>        SLA_DECISION_LOG     append one NDJSON line per answer given
  --log-level <level>          SLA_LOG_LEVEL        info (default), warn, error, debug, silent
`;

const STRING_FLAGS = [
  'host',
  'port',
  'policies',
  'body-limit',
  'batch-limit',
  'timeline-limit',
  'time-budget',
  'cache-size',
  'max-event-loop-delay',
  'decision-log',
  'log-level',
] as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine('serve', args, {
    ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' }])),
    watch: { type: 'boolean' },
  } as Record<(typeof STRING_FLAGS)[number], { type: 'string' }> & { watch: { type: 'boolean' } });
  expectPositionals('serve', positionals, []);
  const { resolveConfig } = await import('../../server/config.ts');
  let config;
  try {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    config = resolveConfig(values, process.env, { policiesDir: BUNDLED_POLICIES, playgroundDir: PLAYGROUND_DIR, version });
  } catch (e) {
    const ds = (e as { diagnostics?: { message: string }[] }).diagnostics;
    if (ds) throw new UsageError(ds[0].message, 'serve');
    throw e;
  }
  const { startServer } = await import('../../server/start.ts');
  const server = await startServer(config);
  await server.stopped;
  return EXIT_OK;
}
