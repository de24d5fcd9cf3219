// The app factory: a fastify instance with every route of the HTTP API, ready to `inject` into
// (tests) or to `listen` (server/start.ts). Policies of the folder compile in the background;
// /readyz says when they are done.
import underPressure from '@fastify/under-pressure';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { diagnostic } from '../engine/diagnostics/index.ts';
import type { ServerConfig } from './config.ts';
import type { App, ServerContext } from './context.ts';
import { openDecisionLog } from './decision-log.ts';
import { registerErrorHandlers, sendErrors } from './error-handler.ts';
import { HttpError } from './http-error.ts';
import { EvaluationQueue } from './evaluation-queue.ts';
import { registerJsonBody } from './json-body.ts';
import { createMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerPlayground } from './playground.ts';
import { PolicyCache } from './policy-cache.ts';
import { PolicyRegistry } from './policy-registry.ts';
import { RequestLog } from './request-log.ts';
import { batchRoute } from './routes/batch.ts';
import { checkRoute } from './routes/check.ts';
import { compileRoute } from './routes/compile.ts';
import { evaluateRoute } from './routes/evaluate.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoute } from './routes/metrics.ts';
import { policiesRoutes } from './routes/policies.ts';
import { schemaValidator } from './schema-validation.ts';
import { closeConnectionsWhenDraining } from './shutdown.ts';

export interface AppOptions {
  /** fastify's logger: pino options (level, stream…), or false for none */
  logger?: FastifyServerOptions['logger'];
  /** Node's process metrics (event loop, memory) in /metrics; off in tests */
  processMetrics?: boolean;
}

export async function buildApp(config: ServerConfig, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    logController: new RequestLog(),
    bodyLimit: config.bodyLimit,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // while draining on shutdown, requests on open connections are still answered (with
    // `Connection: close`) rather than refused
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(schemaValidator());

  const queue = new EvaluationQueue();
  const metrics = createMetrics(
    () => cache.stats(),
    () => queue.length,
    options.processMetrics ?? false,
  );
  const cache: PolicyCache = new PolicyCache(config.cacheSize, (hit) => metrics.cacheLookups.inc({ result: hit ? 'hit' : 'miss' }));
  const registry = new PolicyRegistry(config.policiesDir, cache, {
    loaded: (p, reloaded) => app.log.info({ policy: p.id, version: p.version, digest: p.digest }, reloaded ? 'policy reloaded' : 'policy loaded'),
    failed: (id, errors) => app.log.error({ policy: id, errors }, 'policy does not check; the last good version, if any, keeps serving'),
  });
  const ctx: ServerContext = { config, cache, registry, metrics, queue, ...(config.decisionLog ? { decisionLog: openDecisionLog(config.decisionLog) } : {}) };

  registerJsonBody(app);
  closeConnectionsWhenDraining(app);
  registerErrorHandlers(app, config.bodyLimit, (ds) => ds.forEach((d) => metrics.errors.inc({ code: d.code })));
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode), policy: request.slaPolicy?.id ?? '' },
      reply.elapsedTime / 1000,
    );
  });
  // The event loop is delayed while the bundled policies compile at start: that delay is the
  // server's own and soon over, so overload is judged from two samples after the first load on.
  let judging = false;
  void registry.load().then(() => setTimeout(() => (judging = true), 2000).unref());
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    pressureHandler: (_request, reply, type) => {
      if (!judging) return; // go on with the request
      // once answered here, fastify runs neither the rest of the hooks nor the handler
      const what = type === 'eventLoopDelay' ? 'event loop delayed' : type;
      sendErrors(
        reply,
        new HttpError(503, [diagnostic('SLA7005', `the server is overloaded (${what})`, { help: 'retry after a second' })], { 'retry-after': '1' }),
      );
    },
  });
  await registerOpenApi(app, ctx);

  evaluateRoute(app, ctx);
  batchRoute(app, ctx);
  checkRoute(app);
  compileRoute(app, ctx);
  policiesRoutes(app, ctx);
  healthRoutes(app, ctx);
  metricsRoute(app, ctx);
  await registerPlayground(app, config.playgroundDir);

  app.addHook('onClose', async () => {
    registry.close();
    await ctx.decisionLog?.close();
  });
  if (config.watch) registry.watch();
  return app;
}
