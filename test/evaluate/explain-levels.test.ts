// Law: the `explain` level changes only `explanations` — `none` leaves it empty, `clauses` keeps
// every cited clause's text without the condition traces, `full` is the default answer — and the
// items, reasons and warnings are the same at every level (seeded random cases, every bundled policy).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, SlaError, type Answer, type Case, type ExplainLevel } from '../../engine/index.ts';
import { BUNDLED, bundled, caseArbitrary } from './backends-agree.ts';

async function answerOrRefusal(run: () => Promise<Answer>): Promise<Answer | { refused: unknown }> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SlaError) return { refused: e.diagnostics };
    throw e;
  }
}

for (const id of BUNDLED) {
  describe(id, () => {
    const policy = bundled(id);
    it('explains less at a lower level and answers the same', async () => {
      await fc.assert(
        fc.asyncProperty(caseArbitrary(policy.policy), async ({ kase }) => {
          const input = { policy: id, ...kase } as Case;
          const byDefault = await answerOrRefusal(() => evaluate(policy, input));
          const at = (explain: ExplainLevel) => answerOrRefusal(() => evaluate(policy, input, { explain }));
          expect(await at('full')).toEqual(byDefault);
          if (!('explanations' in byDefault)) {
            expect(await at('none')).toEqual(byDefault);
            return;
          }
          expect(await at('none')).toEqual({ ...byDefault, explanations: {} });
          const texts = Object.fromEntries(Object.entries(byDefault.explanations).map(([k, e]) => [k, { ...e, conditions: [] }]));
          expect(await at('clauses')).toEqual({ ...byDefault, explanations: texts });
        }),
        { seed: 34, numRuns: 40 },
      );
    }, 120_000);
  });
}

it('refuses an unknown explain level with a diagnostic', async () => {
  const input = { at: '2025-07-21T12:00:00+03:00', plans: { support: 'signature' }, events: [] } as unknown as Case;
  const refusal = await evaluate(bundled('relokia'), input, { explain: 'some' as ExplainLevel }).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(SlaError);
  expect((refusal as SlaError).diagnostics.map((d) => [d.code, d.message])).toEqual([['SLA5004', 'unknown explain level "some"']]);
});
