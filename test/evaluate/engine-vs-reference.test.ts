// Law: for any case, json-rules-engine running the compiled rules decides every rule exactly as a
// plain evaluation of the same conditions does (engine/runtime/direct.ts), for every bundled policy.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy } from '../../engine/index.ts';
import { buildCalendars } from '../../engine/calendar/index.ts';
import { validateCase } from '../../engine/case/validate-case.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { evaluateCondition } from '../../engine/runtime/direct.ts';
import { createEngine, runFacts } from '../../engine/runtime/register.ts';
import { createRuntime } from '../../engine/runtime/create-runtime.ts';
import { arbitraryValue } from './arbitrary-value.ts';
import { percentInputs } from '../../engine/ir/amount.ts';
import type { TopLevelCondition } from 'json-rules-engine';

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);

/** Random valid cases for a policy: plans, facts and a few weeks of events, from its declarations. */
function caseOf(p: Policy) {
  const percents = percentInputs(p);
  const instant = fc.integer({ min: 0, max: 120 * 24 }).map((h) => new Date(BASE + h * 3_600_000).toISOString());
  const plans = fc.record(Object.fromEntries(Object.entries(p.plans).map(([d, decl]) => [d, fc.constantFrom(...decl.options)])));
  const facts = fc.record(Object.fromEntries(Object.entries(p.facts ?? {}).map(([n, d]) => [n, arbitraryValue(d, percents.facts.has(n))])), {
    requiredKeys: [],
  });
  const event = fc.constantFrom(...Object.keys(p.events)).chain((type) => {
    const decl = p.events[type];
    const attrs = Object.fromEntries(Object.entries(decl.attributes ?? {}).map(([n, a]) => [n, arbitraryValue(a, percents.attributes.has(`${type}.${n}`))]));
    return fc.tuple(instant, fc.record(attrs), fc.integer({ min: 1, max: 48 })).map(([at, a, hours]) => ({
      type,
      at,
      ...a,
      ...(decl.duration ? { until: new Date(Date.parse(at) + hours * 3_600_000).toISOString() } : {}),
    }));
  });
  return fc.record({
    at: fc.integer({ min: 0, max: 150 }).map((d) => new Date(BASE + d * DAY + 12 * 3_600_000).toISOString()),
    plans,
    facts,
    events: fc.array(event, { maxLength: 25 }),
  });
}

for (const id of ['relokia', 'data2crm', 'cart2cart', 'crmonline']) {
  describe(id, () => {
    const loaded = loadPolicy({ source: readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8'), file: id });
    const compiled = JSON.parse(JSON.stringify(compilePolicy(loaded)));
    const engine = createEngine(compiled.rules);
    const calendars = buildCalendars(compiled.policy.calendars, compiled.policy.zone);

    it('the engine decides every rule as the reference evaluator does, for random cases', async () => {
      await fc.assert(
        fc.asyncProperty(caseOf(loaded.ir), async (kase) => {
          const rt = createRuntime(compiled.policy, calendars, validateCase(compiled.policy, kase), compiled.rules);
          const { results, failureResults } = await engine.run(runFacts(rt));
          const byEngine = Object.fromEntries([...results, ...failureResults].map((r) => [r.name, r.result]));
          const byReference = Object.fromEntries(
            compiled.rules.map((r: { name: string; conditions: TopLevelCondition }) => [r.name, evaluateCondition(rt, r.conditions)]),
          );
          expect(byEngine).toEqual(byReference);
        }),
        { numRuns: 150, seed: 7 },
      );
    });
  });
}
