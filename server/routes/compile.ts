// POST /v1/compile: a policy source → its json-rules-engine rules, its IR and its digest.
import type { App, ServerContext } from '../context.ts';
import { resolvePolicy } from '../evaluation.ts';
import { CompileAnswer, errors, SourceBody } from '../schemas.ts';

export function compileRoute(app: App, ctx: ServerContext): void {
  app.post(
    '/v1/compile',
    {
      schema: {
        summary: 'Compile a policy source to json-rules-engine rules',
        tags: ['policies'],
        body: SourceBody,
        response: { 200: CompileAnswer, ...errors(400, 413, 415) },
      },
    },
    async (request) => {
      const { compiled, ref } = await resolvePolicy(ctx, request.body, undefined, '');
      request.slaPolicy = { id: ref.id, digest: ref.digest };
      return { rules: compiled.rules, policy: compiled.policy, digest: ref.digest };
    },
  );
}
