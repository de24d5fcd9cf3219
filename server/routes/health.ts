// GET /healthz (the process answers) and GET /readyz (every bundled policy is compiled; a policy
// whose file stopped checking is listed, its last good version still serving).
import type { App, ServerContext } from '../context.ts';
import { Health, Readiness } from '../schemas.ts';

export function healthRoutes(app: App, ctx: ServerContext): void {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: Health } } }, async () => ({ ok: true as const }));

  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: every bundled policy compiled', tags: ['operations'], response: { 200: Readiness, 503: Readiness } } },
    async (_request, reply) => {
      const ready = ctx.registry.ready;
      const body = {
        ready,
        policies: ctx.registry.list().map((p) => ({ id: p.id, version: p.version, digest: p.digest })),
        problems: ctx.registry.problems(),
      };
      return reply.code(ready ? 200 : 503).send(body);
    },
  );
}
