// Law: for any tree of all/any/not conditions with any priorities, the compiled closures leave
// every condition as a stock json-rules-engine Engine does — the same result, fact value and value
// seen, and the same conditions left unevaluated when a priority set short-circuits.
import fc from 'fast-check';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { expect, it } from 'vitest';
import { buildCalendars } from '../../engine/calendar/index.ts';
import { validateCase } from '../../engine/case/validate-case.ts';
import { CompiledRules } from '../../engine/runtime/compiled-backend.ts';
import { createRuntime } from '../../engine/runtime/create-runtime.ts';
import { registerRuntime, runFacts } from '../../engine/runtime/register.ts';
import { bundled } from './backends-agree.ts';

const policy = bundled('relokia');
const kase = validateCase(policy.policy, { at: '2025-07-21T12:00:00+03:00', plans: { support: 'signature' }, facts: { migration_price: 2400 }, events: [] });
const now = kase.at;

type Tree = Record<string, unknown>;
const leaf: fc.Arbitrary<Tree> = fc
  .record({
    fact: fc.constantFrom('sla:now', 'migration_price'),
    // (the engine throws on `in` against a non-list, where the closures say false: not generated)
    compare: fc.oneof(
      fc.record({ operator: fc.constantFrom('greaterThan', 'lessThanInclusive', 'equal'), value: fc.constantFrom<unknown>(now, 2400, now - 1, 0, '2400') }),
      fc.record({ operator: fc.constant('in'), value: fc.constantFrom<unknown>([2400, now], [], ['x']) }),
    ),
    priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map(({ compare, ...c }) => ({ ...c, ...compare }))
  .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
  tree: fc.oneof(
    fc.record({ all: fc.array(tie('node'), { maxLength: 4 }), priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }),
    fc.record({ any: fc.array(tie('node'), { maxLength: 4 }) }),
    fc.record({ not: tie('node') }),
  ),
}));

/** The evaluated properties of each condition in a tree, in order. */
function results(c: Record<string, unknown>): unknown[] {
  const own = { result: c.result, factResult: c.factResult, valueResult: c.valueResult };
  for (const k of ['all', 'any']) if (Array.isArray(c[k])) return [own, ...(c[k] as Record<string, unknown>[]).flatMap(results)];
  if (c.not && typeof c.not === 'object') return [own, ...results(c.not as Record<string, unknown>)];
  return [own];
}

it('the compiled closures evaluate condition trees exactly as json-rules-engine', async () => {
  const calendars = buildCalendars(policy.policy.calendars, policy.policy.zone);
  await fc.assert(
    fc.asyncProperty(tree, async (conditions) => {
      const rule = {
        name: 'r',
        conditions: JSON.parse(JSON.stringify(conditions, (_k, v) => (v === undefined ? undefined : v))),
        event: { type: 'r' },
      } as RuleProperties;
      const rt = createRuntime(policy.policy, calendars, kase, policy.rules);
      const engine = registerRuntime(new Engine([rule], { allowUndefinedFacts: true }));
      const { results: held, failureResults } = await engine.run({ ...runFacts(rt), migration_price: 2400 });
      const byEngine = [...held, ...failureResults][0];
      const [byClosures] = new CompiledRules([rule]).run(rt);
      expect(byClosures.result).toBe(byEngine.result);
      expect(results(byClosures.conditions)).toEqual(results(byEngine.conditions as unknown as Record<string, unknown>));
    }),
    { seed: 5, numRuns: 300 },
  );
});
