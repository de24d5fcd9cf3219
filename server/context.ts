// What the routes share: the configuration, the policies (bundled and cached), the metrics and
// the decision log. Everything else a request needs it carries itself: the server is stateless
// between requests, so instances behind a load balancer answer alike.
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ServerConfig } from './config.ts';
import type { DecisionLog } from './decision-log.ts';
import type { EvaluationQueue } from './evaluation-queue.ts';
import type { Metrics } from './metrics.ts';
import type { PolicyCache } from './policy-cache.ts';
import type { PolicyRegistry } from './policy-registry.ts';

export interface ServerContext {
  config: ServerConfig;
  cache: PolicyCache;
  registry: PolicyRegistry;
  metrics: Metrics;
  queue: EvaluationQueue;
  decisionLog?: DecisionLog;
}

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest {
    /** the policy a request was answered under, for the request log and the metrics */
    slaPolicy?: { id: string; digest: string };
  }
}
