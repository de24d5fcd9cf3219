// What the evaluator prepares once per policy (clause texts, condition texts, pending notes, the
// rules' positions) never leaks into answers as shared objects, and a compiled policy reloaded from
// JSON or edited by hand answers as the policy it came from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseCaseSource, type Answer, type Case, type CompiledPolicy } from '../../engine/index.ts';
import { BUNDLED, bundled } from './backends-agree.ts';

const realistic = parseCaseSource(readFileSync(new URL('../../bench/fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8')).value as Case;

/** Changes every list and record of an answer in place, as a caller keeping answers might (a
 *  frozen one cannot be changed, so it may be shared). */
function scribble(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  if (Array.isArray(v)) {
    v.forEach(scribble);
    v.push('scribbled');
  } else {
    for (const x of Object.values(v)) scribble(x);
    (v as Record<string, unknown>).scribbled = true;
  }
}

const testCases = (id: string): Case[] =>
  (parseCaseSource(readFileSync(new URL(`../../policies/${id}.test.yaml`, import.meta.url), 'utf8')).value as { cases: { case: Case }[] }).cases.map(
    (c) => c.case,
  );

describe('answers', () => {
  it('are data of their own: changing one answer changes no later answer', async () => {
    const compiled = bundled('relokia');
    // a policy compiled here, and one reloaded from JSON (its rules not frozen)
    for (const [policy, lang] of [
      [compiled, 'en'],
      [compiled, 'uk'],
      [JSON.parse(JSON.stringify(compiled)) as CompiledPolicy, 'en'],
    ] as const) {
      const first = await evaluate(policy, realistic, { lang });
      const pristine = structuredClone(first);
      // the case has pending notes, assumptions and per-ticket items: lists a cache could share
      expect(Object.values(first.explanations).some((e) => e.conditions.some((c) => c.pending?.length))).toBe(true);
      expect(Object.values(first.explanations).some((e) => e.assumptions.length)).toBe(true);
      scribble(first);
      expect(await evaluate(policy, realistic, { lang })).toEqual(pristine);
    }
  });

  it('are plain data, as JSON would give them: every record an Object, every list an Array', async () => {
    const nonPlain = (v: unknown, path: string): string[] => {
      if (v === null || typeof v !== 'object') return [];
      if (Array.isArray(v)) return v.flatMap((x, i) => nonPlain(x, `${path}/${i}`));
      const own = Object.getPrototypeOf(v) === Object.prototype ? [] : [path];
      return [...own, ...Object.entries(v).flatMap(([k, x]) => nonPlain(x, `${path}/${k}`))];
    };
    for (const id of BUNDLED)
      for (const input of [...testCases(id), ...(id === 'relokia' ? [realistic] : [])]) {
        const answer = await evaluate(bundled(id), input);
        expect(nonPlain(answer, ''), id).toEqual([]);
        expect(answer, id).toStrictEqual(JSON.parse(JSON.stringify(answer)));
      }
  }, 120_000);

  it('under a compiled policy reloaded from JSON, or with a rule added by hand, are those of the policy compiled here', async () => {
    for (const id of BUNDLED) {
      const compiled = bundled(id);
      const reloaded = JSON.parse(JSON.stringify(compiled)) as CompiledPolicy;
      const edited = JSON.parse(JSON.stringify(compiled)) as CompiledPolicy;
      edited.rules.push({ name: 'added-by-hand', priority: 1, conditions: { all: [] }, event: { type: 'added-by-hand' } });
      for (const input of testCases(id)) {
        const want: Answer = await evaluate(compiled, input);
        expect(await evaluate(reloaded, input), id).toEqual(want);
        expect(await evaluate(edited, input), id).toEqual(want);
      }
    }
  }, 120_000);
});
