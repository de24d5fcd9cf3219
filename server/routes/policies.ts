// GET /v1/policies and GET /v1/policies/{id}: the bundled policies; a policy's ETag is its digest,
// so a caller holding the current version gets 304 Not Modified.
import type { App, ServerContext } from '../context.ts';
import { httpError } from '../http-error.ts';
import { errors, PolicyDetail, PolicyList, PolicyParams } from '../schemas.ts';
import type { BundledPolicy } from '../policy-registry.ts';
import { didYouMean, listOf } from '../../engine/diagnostics/index.ts';

const summary = (p: BundledPolicy) => ({ id: p.id, version: p.version, title: p.title, formats: p.formats, digest: p.digest });

/** Does an If-None-Match header (a list of entity tags, weak or strong, or `*`) name this tag? */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

export function policiesRoutes(app: App, ctx: ServerContext): void {
  app.get('/v1/policies', { schema: { summary: 'The bundled policies', tags: ['policies'], response: { 200: PolicyList } } }, async () => {
    await ctx.registry.load();
    return ctx.registry.list().map(summary);
  });

  app.get(
    '/v1/policies/:id',
    {
      schema: {
        summary: 'A bundled policy: its source and metadata',
        description: "The `ETag` is the policy's digest; send it back as `If-None-Match` to get 304 while it is unchanged.",
        tags: ['policies'],
        params: PolicyParams,
        response: { 200: PolicyDetail, 304: { type: 'null', description: 'not modified' }, ...errors(404) },
      },
    },
    async (request, reply) => {
      const p = await ctx.registry.get(request.params.id);
      if (!p) {
        const ids = ctx.registry.list().map((x) => x.id);
        throw httpError(404, 'SLA4012', `unknown policy \`${request.params.id}\``, {
          help: didYouMean(request.params.id, ids) ?? `known policies: ${listOf(ids)}`,
        });
      }
      request.slaPolicy = { id: p.id, digest: p.digest };
      const etag = `"${p.digest}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return { ...summary(p), format: p.format, source: p.source };
    },
  );
}
