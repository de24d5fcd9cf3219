// POST /v1/check: every diagnostic (errors and warnings) of a policy source.
import type { App } from '../context.ts';
import { checkSource } from '../policy-loading.ts';
import { CheckAnswer, errors, SourceBody } from '../schemas.ts';

export function checkRoute(app: App): void {
  app.post(
    '/v1/check',
    {
      schema: {
        summary: 'Check a policy source (YAML or DSL)',
        description: "Always 200 when the body has the right shape: the policy's problems are the answer, `diagnostics: []` when there are none.",
        tags: ['policies'],
        body: SourceBody,
        response: { 200: CheckAnswer, ...errors(400, 413, 415) },
      },
    },
    async (request) => ({ diagnostics: checkSource({ source: request.body.source, format: request.body.format ?? 'yaml' }) }),
  );
}
