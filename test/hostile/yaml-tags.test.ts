// YAML tags other than the core schema's would be read silently as plain strings; they are
// refused (SLA1011) at their line, in policies, cases and test files alike.
import { describe, expect, it } from 'vitest';
import { checkPolicy, parseCaseSource, SlaError } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

const refusals = (source: string) => {
  try {
    parseCaseSource(source, 'case.yaml');
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
  return [];
};

describe('tags', () => {
  for (const [what, source, line, message] of [
    [
      'a !!js/function',
      'at: 2025-03-10T12:00:00+02:00\nfacts: { migration_price: !!js/function "function () { return 1 }" }\n',
      2,
      'the YAML tag `!!js/function` is not allowed',
    ],
    ['a custom !tag', 'at: !now 2025-03-10T12:00:00+02:00\n', 1, 'the YAML tag `!now` is not allowed'],
    ['a %TAG directive', '%TAG !e! tag:example.com,2000:\n---\nat: !e!instant 2025-03-10T12:00:00+02:00\n', 1, '%TAG directives are not allowed'],
    ['a verbatim tag', 'at: !<tag:example.com,2000:x> 2025-03-10T12:00:00+02:00\n', 1, 'the YAML tag `tag:example.com,2000:x` is not allowed'],
  ] as const) {
    it(`${what} is SLA1011 at line ${line}`, async () => {
      expect(refusals(source)).toEqual([expect.objectContaining({ code: 'SLA1011', line, message })]);
      const r = await sla('eval', `${folder({ 'case.yaml': source })}/case.yaml`, '--policy', 'relokia');
      expect(r.code).toBe(1);
      expect(diagnosticLines(r)).toEqual([expect.stringMatching(new RegExp(`case\\.yaml:${line}:\\d+: error SLA1011 `))]);
      expectCleanOutput(r);
    }, 20_000);
  }

  it('in a policy too', () => {
    const source = miniPolicyYaml.replace('version: "1"', 'version: !ver "1"');
    expect(checkPolicy({ source, file: 'p.yaml' })).toEqual([expect.objectContaining({ code: 'SLA1011', line: 3 })]);
  });

  it('core tags that only restate the type are accepted', () => {
    expect(parseCaseSource('a: !!str 2025\nb: !!int "3"\nc: !!map { d: !!seq [1] }\n').value).toEqual({ a: '2025', b: 3, c: { d: [1] } });
  });
});
