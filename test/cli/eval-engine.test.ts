// `sla eval --engine`: the reference json-rules-engine path answers as the default compiled one.
import { expect, it } from 'vitest';
import { runSla } from './run-sla.ts';

const EXAMPLE = 'examples/relokia-case.yaml';

it('answers the same JSON with --engine json-rules-engine as by default', async () => {
  const byDefault = await runSla(['eval', EXAMPLE, '--json']);
  const byEngine = await runSla(['eval', EXAMPLE, '--json', '--engine', 'json-rules-engine']);
  expect(byDefault.code).toBe(0);
  expect(byEngine.code).toBe(0);
  expect(JSON.parse(byEngine.stdout)).toEqual(JSON.parse(byDefault.stdout));
});

it('refuses an unknown engine as bad usage', async () => {
  const r = await runSla(['eval', EXAMPLE, '--engine', 'drools']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('unknown engine `drools`: use compiled or json-rules-engine');
});
