// Answering cases for the routes: which policy (posted source, or a bundled id), the evaluation
// itself with its diagnostics pointing into the request body, the answer stamped with the
// policy's digest and trimmed to the explanations asked for.
import type { FastifyRequest } from 'fastify';
import { didYouMean, listOf, SlaError } from '../engine/diagnostics/index.ts';
import { evaluate, type Answer, type Case, type CompiledPolicy } from '../engine/index.ts';
import type { PartialCase } from '../engine/schemas/case.ts';
import type { ServerContext } from './context.ts';
import { HttpError, httpError, underPointer } from './http-error.ts';
import type { Explain, PolicySource } from './schemas.ts';
import type { TimeBudget } from './time-budget.ts';

export interface ResolvedPolicy {
  compiled: CompiledPolicy;
  ref: { id: string; version: string; digest: string };
}

/** The posted policy, else the bundled one the case names; 400 for an invalid source, 404 for an unknown id. */
export async function resolvePolicy(ctx: ServerContext, posted: PolicySource | undefined, named: string | undefined, namedAt: string): Promise<ResolvedPolicy> {
  if (posted) {
    // an invalid source throws SlaError: 400 with its diagnostics (line and column in the source,
    // path into the policy)
    const { compiled, digest } = await ctx.cache.compile({ source: posted.source, format: posted.format ?? 'yaml' });
    return { compiled, ref: { id: compiled.policy.id, version: compiled.policy.version, digest } };
  }
  if (named === undefined)
    throw httpError(400, 'SLA4009', 'no policy for this case', {
      path: namedAt,
      help: 'name a bundled policy in `policy`, or send its text as `policy.source`',
    });
  const bundled = await ctx.registry.get(named);
  if (!bundled) {
    const ids = ctx.registry.list().map((p) => p.id);
    throw httpError(404, 'SLA4012', `unknown policy \`${named}\``, { path: namedAt, help: didYouMean(named, ids) ?? `known policies: ${listOf(ids)}` });
  }
  return { compiled: bundled.compiled, ref: { id: bundled.id, version: bundled.version, digest: bundled.digest } };
}

/** The answer with the policy's digest, and only the explanations asked for. */
export function shapeAnswer(answer: Answer, ref: ResolvedPolicy['ref'], explain: Explain): Answer {
  const explanations: Answer['explanations'] = {};
  if (explain !== 'none')
    for (const [clause, e] of Object.entries(answer.explanations)) explanations[clause] = explain === 'full' ? e : { ...e, conditions: [] };
  return { ...answer, policy: ref, explanations };
}

export interface AnswerOptions {
  lang?: string;
  explain: Explain;
  /** where the case is in the body, e.g. /case or /cases/k1 */
  pointer: string;
  key?: string;
  /** the request's time budget, checked when its turn comes */
  budget: TimeBudget;
}

/** Evaluates one case; throws HttpError 400 with the case's diagnostics pointing into the body. */
export async function answerCase(ctx: ServerContext, request: FastifyRequest, policy: ResolvedPolicy, kase: PartialCase, opts: AnswerOptions): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await ctx.queue.run(() => {
      opts.budget.check();
      // the route schema checked the shape; evaluate checks the rest (a missing `at` included)
      return evaluate(policy.compiled, kase as Case, { lang: opts.lang ?? 'en' });
    });
    opts.budget.check();
  } catch (e) {
    if (!(e instanceof SlaError)) throw e; // a 503 of the budget, or a bug
    ctx.metrics.evaluations.inc({ policy: policy.ref.id, outcome: 'errors' });
    throw new HttpError(400, underPointer(opts.pointer, e.diagnostics));
  }
  ctx.metrics.evaluations.inc({ policy: policy.ref.id, outcome: 'answer' });
  const shaped = shapeAnswer(answer, policy.ref, opts.explain);
  ctx.decisionLog?.write({ requestId: request.id, key: opts.key, kase, answer: shaped });
  return shaped;
}
