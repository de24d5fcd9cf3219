// Work that could grow out of proportion with a hostile input stays bounded: diagnostics are
// capped with "and N more", and near-miss suggestions cost the same whatever the identifier's
// length. The bound on time is each test's timeout, never a timing assertion.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, SlaError, type Diagnostic } from '../../engine/index.ts';
import { MAX_DIAGNOSTICS } from '../../engine/diagnostics/index.ts';
import { MAX_PRINTED } from '../../cli/print-diagnostics.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { ROOT, runSla, tempFiles } from '../cli/run-sla.ts';

const relokia = readFileSync(join(ROOT, 'policies/relokia.yaml'), 'utf8');
const BOUND = 20_000;

async function caseErrors(events: { type: string; at: string }[]): Promise<Diagnostic[]> {
  const policy = compilePolicy(loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' }));
  try {
    await evaluate(policy, { at: '2025-03-10T12:00:00Z', plans: { support: 'gold' }, facts: { migration_price: 100 }, events });
  } catch (e) {
    if (e instanceof SlaError) return e.diagnostics;
    throw e;
  }
  throw new Error('the case was accepted');
}

/** A policy with `n` entitlement conditions on facts that do not exist. */
const unknownFacts = (n: number) =>
  relokia.replace(
    /\nentitlements:\n/,
    `\nentitlements:\n  - id: many\n    clause: ${relokia.match(/\nclauses:\n {2}([\w-]+):/)![1]}\n    when:\n${Array.from({ length: n }, (_, i) => `      - { fact: no_such_fact_${i}, equals: 1 }`).join('\n')}\n`,
  );

describe('the library collects a bounded number of diagnostics', () => {
  it(
    '100 000 bad events give the first ones and "and N more errors"',
    async () => {
      const ds = await caseErrors(Array.from({ length: 100_000 }, (_, i) => ({ type: `no_such_event_${i}`, at: '2025-03-01T10:00:00Z' })));
      expect(ds).toHaveLength(MAX_DIAGNOSTICS + 1);
      expect(ds[0]).toMatchObject({ code: 'SLA4004', path: '/events/0/type' });
      expect(ds.at(-1)).toMatchObject({ severity: 'error', code: 'SLA5011', message: `and ${100_000 - MAX_DIAGNOSTICS} more errors` });
    },
    BOUND,
  );

  it(
    'a policy with 1000 unknown facts in conditions',
    () => {
      const ds = checkPolicy({ source: unknownFacts(1000), file: 'many.yaml' });
      expect(ds).toHaveLength(MAX_DIAGNOSTICS + 1);
      expect(ds[0]).toMatchObject({ code: 'SLA3002', file: 'many.yaml' });
      expect(ds.at(-1)?.message).toBe(`and ${1000 - MAX_DIAGNOSTICS} more errors`);
    },
    BOUND,
  );

  it(
    'a policy with 1000 conditions of no known shape',
    () => {
      const source = unknownFacts(1000).replace(/\{ fact: no_such_fact_/g, '{ fakt: no_such_fact_');
      const ds = checkPolicy({ source, file: 'shapes.yaml' });
      expect(ds).toHaveLength(MAX_DIAGNOSTICS + 1);
      expect(ds[0].code).toMatch(/^SLA2/);
      expect(ds.at(-1)?.code).toBe('SLA5011');
    },
    BOUND,
  );
});

describe('near-miss suggestions are bounded', () => {
  it(
    'a long identifier misspelt against a long declared one gets no suggestion, quickly',
    () => {
      const id = `a${'b'.repeat(60_000)}`;
      const source = relokia
        .replace('\n  ticket_answered:', `\n  ? ${id}\n  : { attributes: {} }\n  ticket_answered:`)
        .replace('stop: { event: ticket_answered }', `stop: { event: ${id}c }`);
      const [d, ...rest] = checkPolicy({ source, file: 'long.yaml' });
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ code: 'SLA3003', path: expect.stringMatching(/\/stop\/event$/) });
      expect(d.help).not.toMatch(/did you mean/);
    },
    BOUND,
  );

  it(
    'a misspelt short identifier still gets its suggestion among many long ones',
    () => {
      const longOnes = Array.from({ length: 200 }, (_, i) => `  ${'x'.repeat(900)}${i}: {}`).join('\n');
      const source = relokia.replace('\nevents:\n', `\nevents:\n${longOnes}\n`).replace('stop: { event: ticket_answered }', 'stop: { event: ticket_answerd }');
      const [d] = checkPolicy({ source, file: 'wide.yaml' });
      expect(d).toMatchObject({ code: 'SLA3003', help: 'did you mean `ticket_answered`?' });
    },
    BOUND,
  );
});

describe('messages stay short', () => {
  it(
    'a 100 000-character unknown fact is quoted as a short excerpt',
    async () => {
      const policy = compilePolicy(loadPolicy({ source: miniPolicyYaml, file: 'mini.yaml' }));
      const name = `f${'x'.repeat(100_000)}`;
      const error = await evaluate(policy, { at: '2025-03-10T12:00:00Z', plans: { support: 'gold' }, facts: { [name]: 1 } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SlaError);
      const [d] = (error as SlaError).diagnostics;
      expect(d).toMatchObject({ code: 'SLA4006' });
      expect(d.message.length).toBeLessThan(100);
      expect(d.message).toContain('…`');
    },
    BOUND,
  );
});

describe('the CLI prints a bounded number of diagnostics per file', () => {
  it(
    '`sla check` prints the first 50, then how many more, and counts them all',
    async () => {
      const dir = tempFiles({ 'many.yaml': unknownFacts(1000) });
      const r = await runSla(['check', join(dir, 'many.yaml')]);
      expect(r.code).toBe(1);
      const heads = r.stdout.split('\n').filter((l) => /: error SLA\d{4} /.test(l));
      expect(heads.filter((l) => / error SLA3002 /.test(l))).toHaveLength(MAX_PRINTED);
      expect(heads.at(-1)).toMatch(new RegExp(`many\\.yaml: error SLA5011 and ${1000 - MAX_PRINTED} more errors$`));
      expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/many\.yaml: 1000 errors$/);
    },
    BOUND,
  );
});
