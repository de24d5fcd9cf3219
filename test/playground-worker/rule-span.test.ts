// The answer view's "show the rule in the policy": the worker finds where a rule is written, in
// either form of every bundled policy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../engine/index.ts';
import { parseDsl } from '../../dsl/index.ts';
import { ruleSpan } from '../../playground/src/worker/load.ts';

const IDS = ['cart2cart', 'crmonline', 'data2crm', 'relokia'];
const KINDS = ['deadline', 'entitlement', 'credit'] as const;
const text = (id: string, ext: string) => readFileSync(new URL(`../../policies/${id}.${ext}`, import.meta.url), 'utf8');

/** The 1-based line a rule's text starts on, found by reading the source as a person would. */
function writtenAt(source: string, format: 'yaml' | 'dsl', kind: string, id: string): number {
  const lines = source.split('\n');
  if (format === 'dsl') return lines.findIndex((l) => l.startsWith(id ? `${kind} ${id} ` : kind)) + 1;
  if (!id) return lines.findIndex((l) => l.startsWith(`${kind}:`)) + 2; // a mapping: from its first entry
  const section = lines.findIndex((l) => l.startsWith(`${kind}s:`));
  return lines.findIndex((l, i) => i > section && l.trim() === `- id: ${id}`) + 1;
}

describe('where a rule is written', () => {
  for (const id of IDS) {
    for (const format of ['yaml', 'dsl'] as const) {
      it(`${id} (${format}): every rule is found on the line it starts`, () => {
        const source = text(id, format === 'yaml' ? 'yaml' : 'sla');
        const loaded = loadPolicy({ source, file: `${id}.${format}`, format }, { parseDsl });
        const rules = KINDS.flatMap((kind) => (loaded.ir[`${kind}s`] ?? []).map((r) => ({ kind, id: r.id })));
        expect(rules.length).toBeGreaterThan(2);
        for (const r of rules) expect(ruleSpan(loaded, `${r.kind}:${r.id}`)?.line, `${r.kind}:${r.id}`).toBe(writtenAt(source, format, r.kind, r.id));
        if (loaded.ir.refund) expect(ruleSpan(loaded, 'refund')?.line).toBe(writtenAt(source, format, 'refund', ''));
      });
    }
  }

  it('a rule the policy does not have, or a name of no kind, is found nowhere', () => {
    const loaded = loadPolicy({ source: text('data2crm', 'yaml'), file: 'data2crm.yaml' });
    for (const rule of ['deadline:no_such_rule', 'entitlement:', 'nonsense', 'credit:first_response', '__proto__:x'])
      expect(ruleSpan(loaded, rule)).toBeUndefined();
  });
});
