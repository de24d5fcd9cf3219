// GET /metrics: Prometheus text format.
import type { App, ServerContext } from '../context.ts';

export function metricsRoute(app: App, ctx: ServerContext): void {
  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['operations'] } }, async (_request, reply) =>
    reply.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics()),
  );
}
