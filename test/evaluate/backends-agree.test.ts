// Law: the compiled closures and json-rules-engine answer every case alike, explanations included
// (seeded; `npm run fuzz` runs the same law over 10^5 cases).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, SlaError, type Backend, type Case } from '../../engine/index.ts';
import { BUNDLED, bundled, caseArbitrary, disagreement } from './backends-agree.ts';

for (const id of BUNDLED) {
  describe(id, () => {
    const policy = bundled(id);
    it('both backends give deep-equal answers for random cases, at instants of the answer ±1 ms', async () => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary(policy.policy), async ({ kase, nudge }) => {
          expect(await disagreement(policy, { policy: id, ...kase } as Case, nudge)).toBeNull();
        }),
        { seed: 12, numRuns: 100 },
      );
    }, 120_000);
  });
}

it('refuses an unknown engine with a diagnostic, not a stack trace', async () => {
  const policy = bundled('relokia');
  const input = { at: '2025-07-21T12:00:00+03:00', plans: { support: 'signature' }, events: [] } as unknown as Case;
  const refusal = await evaluate(policy, input, { engine: 'drools' as Backend }).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(SlaError);
  expect((refusal as SlaError).diagnostics.map((d) => [d.code, d.message])).toEqual([['SLA5004', 'unknown engine "drools"']]);
});
