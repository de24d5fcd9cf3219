// A mapping entry of a policy whose value is null or whose key is not an identifier is a
// diagnostic at its line (checkPolicy never throws), and a policy of over a thousand items
// evaluates (rule priorities used to run out).
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkPolicy, compilePolicy, evaluate, loadPolicy, SlaError } from '../../engine/index.ts';
import { miniPolicyYaml } from '../fixtures/mini-policy.ts';
import { parseDsl, printDsl } from '../../dsl/index.ts';
import type { Policy } from '../../engine/ir/schema.ts';
import { diagnosticLines, expectCleanOutput, folder, sla } from './in-process.ts';

type Json = Record<string, unknown>;
const mini = () => parse(miniPolicyYaml) as Json;
const entitlement = (p: Json) => (p.entitlements as Json[])[0];

/** Where each kind of mapping sits in a policy (created when the mini policy has none). */
const RECORDS: Record<string, (p: Json) => Json> = {
  events: (p) => p.events as Json,
  plans: (p) => p.plans as Json,
  facts: (p) => p.facts as Json,
  calendars: (p) => p.calendars as Json,
  clauses: (p) => p.clauses as Json,
  counters: (p) => (p.counters ??= {}) as Json,
  instants: (p) => (p.instants ??= {}) as Json,
  fields: (p) => (entitlement(p).fields ??= {}) as Json,
  attributes: (p) => (p.events as Record<string, Json>).ticket_opened.attributes as Json,
  'clause texts': (p) => (p.clauses as Record<string, Json>).redo.text as Json,
  applies: (p) => entitlement(p).applies as Json,
};

const lineOf = (source: string, key: string) => source.split('\n').findIndex((l) => l.trimStart().startsWith(`${key}:`) || l.includes(` ${key}: `)) + 1;

describe.each(Object.entries(RECORDS))('%s', (_, record) => {
  for (const [what, key, value, code] of [
    ['a null entry', 'zz', null, 'SLA2004'],
    ['a key that is not an identifier', 'Not An Id!', {}, 'SLA2006'],
  ] as const) {
    it(`${what} is a diagnostic at its line, never an exception`, async () => {
      const p = mini();
      record(p)[key] = value;
      const source = stringify(p);
      let found: ReturnType<typeof checkPolicy> = [];
      expect(() => (found = checkPolicy({ source, file: 'p.yaml' }))).not.toThrow();
      expect(found).toContainEqual(expect.objectContaining({ severity: 'error', code, line: lineOf(source, key) }));

      const r = await sla('check', `${folder({ 'p.yaml': source })}/p.yaml`);
      expect(r.code).toBe(1);
      expectCleanOutput(r);
      expect(diagnosticLines(r).some((l) => l.includes(`p.yaml:${lineOf(source, key)}:`) && l.includes(code))).toBe(true);
    }, 20_000);
  }
});

it('a policy of 1 200 entitlements evaluates', async () => {
  const p = mini();
  const [first] = p.entitlements as Json[];
  p.entitlements = Array.from({ length: 1200 }, (_, i) => ({ ...first, id: `re_migration_${i}` }));
  const policy = compilePolicy(loadPolicy({ source: stringify(p, { aliasDuplicateObjects: false }), file: 'many.yaml' }));
  const answer = await evaluate(policy, { at: '2025-03-10T12:00:00+02:00', plans: { support: 'gold' }, facts: { migration_price: 100 } });
  expect(answer.entitlements).toHaveLength(1200);
  expect(new Set(answer.entitlements.map((e) => e.allowed))).toEqual(new Set([false]));
}, 60_000);

describe('names every JavaScript object has', () => {
  for (const name of ['constructor', 'prototype']) {
    it(`\`${name}\` as a declaration of a policy given as IR is refused, by pointer`, () => {
      const p = mini();
      Object.defineProperty(p.facts, name, { value: { type: 'number', default: 5 }, enumerable: true });
      (p.plans as Record<string, { options: string[] }>).support.options.push(name);
      const error = (() => {
        try {
          compilePolicy(p as unknown as Parameters<typeof compilePolicy>[0]);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(SlaError);
      expect((error as SlaError).diagnostics).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ code: 'SLA1008', path: `/facts/${name}` }),
          expect.objectContaining({ code: 'SLA1008', path: '/plans/support/options/2' }),
        ]),
      );
    });
  }
});

describe("an attribute named as an event's own field", () => {
  for (const name of ['type', 'at', 'until'])
    it(`\`${name}\` is refused at its line, in YAML and in the DSL alike, since no case could give it`, () => {
      const p = mini();
      RECORDS.attributes(p)[name] = { type: 'boolean' };
      // its line: `at: boolean` in the DSL, `at:` over `type: boolean` in YAML
      const lineIn = (lines: string[]) =>
        lines.findIndex((l, i) => l.trim() === `${name}: boolean` || (l.trim() === `${name}:` && lines[i + 1]?.trim() === 'type: boolean')) + 1;
      const refused = (source: string, file: string) =>
        expect(checkPolicy({ source, file }, { parseDsl })).toContainEqual(
          expect.objectContaining({
            severity: 'error',
            code: 'SLA2006',
            line: lineIn(source.split('\n')),
            help: expect.stringContaining('name the attribute otherwise'),
          }),
        );
      refused(stringify(p), 'p.yaml');
      refused(printDsl(p as unknown as Policy), 'p.sla');
      // a name that merely begins with one is fine
      const q = mini();
      RECORDS.attributes(q)[`${name}_x`] = { type: 'string' };
      expect(checkPolicy({ source: stringify(q), file: 'q.yaml' }).filter((d) => d.severity === 'error')).toEqual([]);
    });
});
