// GET /: the playground's built files (dist/playground/) when they are there; otherwise a small
// page that says how to build them and where the API is described.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './context.ts';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SLA Policy Engine</title></head>
<body>
<h1>SLA Policy Engine</h1>
<p>The HTTP API is running. The playground is not built: run <code>npm run build:playground</code>, then restart the server.</p>
<p>The API is described in <a href="/openapi.json">/openapi.json</a>.</p>
</body></html>
`;

export const playgroundBuilt = (dir: string) => existsSync(join(dir, 'index.html'));

export async function registerPlayground(app: App, dir: string): Promise<void> {
  if (playgroundBuilt(dir)) {
    await app.register(fastifyStatic, { root: dir, prefix: '/', schemaHide: true });
    return;
  }
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
}
