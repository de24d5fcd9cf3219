// GET /openapi.json: the OpenAPI 3.1 document of every route, generated (@fastify/swagger) from
// the same schemas that validate the requests and serialise the answers.
import swagger from '@fastify/swagger';
import type { App, ServerContext } from './context.ts';

export async function registerOpenApi(app: App, ctx: ServerContext): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SLA Policy Engine',
        version: ctx.config.version,
        description:
          'Answers deadlines, entitlements, refunds and credits for a customer case under an SLA policy, each citing its clause. Every error is `{ "errors": [Diagnostic] }` with a JSON pointer into the body.',
      },
      tags: [
        { name: 'evaluate', description: 'answer cases' },
        { name: 'policies', description: 'bundled and posted policies' },
        { name: 'operations', description: 'health, readiness, metrics' },
      ],
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
