// Answering cases for the routes: which policy (posted source, or a bundled id), the evaluation
// itself with its diagnostics pointing into the request body and only the explanations asked for,
// the answer stamped with the policy's digest.
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

/** The serializer of the routes that answer cases: JSON.stringify, not one compiled from the
 *  response schema (which still documents them). The evaluator makes answers with the contract's
 *  fields alone, and for a union of shapes the schema's serializer first validates which one an
 *  answer is, then escapes its texts a character at a time: it took longer than the evaluation. */
export const answersAsJson = () => (data: unknown) => JSON.stringify(data);

/** The answer with the policy's digest. */
const stamped = (answer: Answer, ref: ResolvedPolicy['ref']): Answer => ({ ...answer, policy: ref });

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
      // the route schema checked the shape; evaluate checks the rest (a missing `at` included), and
      // builds only the explanations asked for
      return evaluate(policy.compiled, kase as Case, { lang: opts.lang ?? 'en', explain: opts.explain });
    });
    opts.budget.check();
  } catch (e) {
    if (!(e instanceof SlaError)) throw e; // a 503 of the budget, or a bug
    ctx.metrics.evaluations.inc({ policy: policy.ref.id, outcome: 'errors' });
    throw new HttpError(400, underPointer(opts.pointer, e.diagnostics));
  }
  ctx.metrics.evaluations.inc({ policy: policy.ref.id, outcome: 'answer' });
  const shaped = stamped(answer, policy.ref);
  ctx.decisionLog?.write({ requestId: request.id, key: opts.key, kase, answer: shaped });
  return shaped;
}
