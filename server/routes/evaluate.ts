// POST /v1/evaluate: a case under a bundled or posted policy → its Answer; with `at: [ … ]`, a
// timeline of answers, one per instant.
import { Type } from '@sinclair/typebox';
import type { Answer } from '../../engine/index.ts';
import { Answer as AnswerSchema } from '../../engine/schemas/answer.ts';
import type { App, ServerContext } from '../context.ts';
import { answerCase, answersAsJson, resolvePolicy } from '../evaluation.ts';
import { HttpError } from '../http-error.ts';
import { errors, evaluateBody, Timeline } from '../schemas.ts';
import { TimeBudget } from '../time-budget.ts';

export function evaluateRoute(app: App, ctx: ServerContext): void {
  app.post(
    '/v1/evaluate',
    {
      schema: {
        summary: 'Answer a case: deadlines, entitlements, refund, credits',
        description:
          'The policy is the bundled one the case names (`case.policy`), or the one sent as `policy.source`. With `at: [ … ]` the case is answered at each instant: `{ "timeline": [Answer, …] }`.',
        tags: ['evaluate'],
        body: evaluateBody(ctx.config),
        response: { 200: Type.Union([AnswerSchema, Timeline]), ...errors(400, 404, 413, 415, 503) },
      },
      serializerCompiler: answersAsJson,
    },
    async (request) => {
      const body = request.body;
      const policy = await resolvePolicy(ctx, body.policy, body.case.policy, '/case/policy');
      request.slaPolicy = { id: policy.ref.id, digest: policy.ref.digest };
      const budget = new TimeBudget(ctx.config.timeBudgetMs);
      const opts = { lang: body.lang, explain: body.explain ?? 'clauses', pointer: '/case', budget } as const;
      if (!body.at) return answerCase(ctx, request, policy, body.case, opts);
      const timeline: Answer[] = [];
      for (const [i, at] of body.at.entries()) {
        try {
          timeline.push(await answerCase(ctx, request, policy, { ...body.case, at }, opts));
        } catch (e) {
          // the instant came from the body's list, not from the case
          if (e instanceof HttpError)
            throw new HttpError(
              e.statusCode,
              e.diagnostics.map((d) => (d.path === '/case/at' ? { ...d, path: `/at/${i}` } : d)),
            );
          throw e;
        }
      }
      return { timeline };
    },
  );
}
