// POST /v1/evaluate/batch: keyed cases, each answered on its own (one bad case does not fail the
// others), `common` plans, facts and events merged into each.
import type { PartialCase } from '../../engine/schemas/case.ts';
import type { App, ServerContext } from '../context.ts';
import { answerCase, answersAsJson, resolvePolicy, type ResolvedPolicy } from '../evaluation.ts';
import { HttpError } from '../http-error.ts';
import { pointerPart } from '../../engine/ir/json-pointer.ts';
import { BatchAnswer, batchBody, errors } from '../schemas.ts';
import { TimeBudget } from '../time-budget.ts';

/** `common` under a case: plans and facts key by key (the case wins), common events first. */
export function mergeCommon(common: PartialCase | undefined, kase: PartialCase): PartialCase {
  if (!common) return kase;
  const merged: PartialCase = { ...common, ...kase };
  if (common.plans || kase.plans) merged.plans = { ...common.plans, ...kase.plans };
  if (common.facts || kase.facts) merged.facts = { ...common.facts, ...kase.facts };
  if (common.events || kase.events) merged.events = [...(common.events ?? []), ...(kase.events ?? [])];
  return merged;
}

export function batchRoute(app: App, ctx: ServerContext): void {
  app.post(
    '/v1/evaluate/batch',
    {
      schema: {
        summary: 'Answer many keyed cases in one call',
        description: `Up to ${ctx.config.batchLimit} cases. Each key gets \`{ "answer": Answer }\` or \`{ "errors": [Diagnostic] }\` for that case alone.`,
        tags: ['evaluate'],
        body: batchBody(ctx.config),
        response: { 200: BatchAnswer, ...errors(400, 404, 413, 415, 503) },
      },
      serializerCompiler: answersAsJson,
    },
    async (request) => {
      const body = request.body;
      // an invalid posted policy fails the whole batch: no case could be answered
      const posted = body.policy ? await resolvePolicy(ctx, body.policy, undefined, '/policy') : undefined;
      if (posted) request.slaPolicy = { id: posted.ref.id, digest: posted.ref.digest };
      const budget = new TimeBudget(ctx.config.timeBudgetMs);
      const results: BatchAnswer['results'] = {};
      for (const [key, entry] of Object.entries(body.cases)) {
        const pointer = `/cases/${pointerPart(key)}`;
        const kase = mergeCommon(body.common, entry);
        try {
          const policy: ResolvedPolicy = posted ?? (await resolvePolicy(ctx, undefined, kase.policy, `${pointer}/policy`));
          request.slaPolicy ??= { id: policy.ref.id, digest: policy.ref.digest };
          results[key] = {
            answer: await answerCase(ctx, request, policy, kase, { lang: body.lang, explain: body.explain ?? 'clauses', pointer, key, budget }),
          };
        } catch (e) {
          if (!(e instanceof HttpError) || e.statusCode >= 500) throw e;
          results[key] = { errors: e.diagnostics };
        }
      }
      return { results };
    },
  );
}
