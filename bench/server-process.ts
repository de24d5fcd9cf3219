// The server under load in its own process (so the load generator does not share its event loop):
// `sla` mode is the HTTP API over the bundled policies, with a GET /bench/heap route added that
// collects garbage and reports memory; `bare` mode is a stock fastify route answering a constant.
// Prints the URL on stdout once listening.
import Fastify from 'fastify';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.ts';
import { DEFAULTS } from '../server/config.ts';

const mode = process.argv[2];
const root = fileURLToPath(new URL('..', import.meta.url));

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
};

async function start() {
  if (mode === 'bare') {
    const app = Fastify();
    app.post('/', async () => ({ ok: true }));
    return app;
  }
  const app = await buildApp(
    {
      ...DEFAULTS,
      policiesDir: `${root}policies`,
      playgroundDir: `${root}dist/playground`,
      logLevel: 'silent',
      maxEventLoopDelayMs: 0,
      batchLimit: 1000,
      timeBudgetMs: 60_000,
    },
    { logger: false },
  );
  app.get('/bench/heap', async () => heap());
  return app;
}

const app = await start();
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
