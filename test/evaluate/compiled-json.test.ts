// The rules `sla compile` prints are plain JSON: reloaded into a stock json-rules-engine Engine
// (with the runtime registered), they give the same answers as evaluating the policy file.
import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, parseCaseSource } from '../../engine/index.ts';
import { registerRuntime, runFacts } from '../../engine/runtime/register.ts';
import { createRuntime } from '../../engine/runtime/create-runtime.ts';
import { buildCalendars } from '../../engine/calendar/index.ts';
import { validateCase } from '../../engine/case/validate-case.ts';
import { evaluateCondition } from '../../engine/runtime/direct.ts';

const file = new URL('../../policies/relokia.yaml', import.meta.url);
const policy = loadPolicy({ source: readFileSync(file, 'utf8'), file: 'policies/relokia.yaml' });
const tests = parseCaseSource(readFileSync(new URL('../../policies/relokia.test.yaml', import.meta.url), 'utf8')).value as {
  cases: { name: string; case: unknown }[];
};

describe('compiled rules reloaded from JSON', () => {
  const json = JSON.stringify(compilePolicy(policy));
  const reloaded = JSON.parse(json);

  it('contain no functions and survive a JSON round trip unchanged', () => {
    expect(JSON.stringify(reloaded)).toBe(json);
    expect(reloaded.rules.length).toBeGreaterThan(10);
  });

  it('load into a stock Engine, whose rule results match a plain evaluation of the same conditions', async () => {
    const engine = registerRuntime(new Engine(reloaded.rules));
    for (const t of tests.cases) {
      const rt = createRuntime(
        reloaded.policy,
        buildCalendars(reloaded.policy.calendars, reloaded.policy.zone),
        validateCase(reloaded.policy, t.case),
        reloaded.rules,
      );
      const { results, failureResults } = await engine.run(runFacts(rt));
      const byEngine = Object.fromEntries([...results, ...failureResults].map((r) => [r.name, r.result]));
      const byReference = Object.fromEntries(reloaded.rules.map((r: { name: string; conditions: never }) => [r.name, evaluateCondition(rt, r.conditions)]));
      expect(byEngine, t.name).toEqual(byReference);
    }
  });
});
