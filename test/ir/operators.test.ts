// The comparison operators' table is the one place they are listed: each entry must read, print,
// compile and evaluate as it says, through every layer that uses it.
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { parseDsl, printDsl } from '../../dsl/index.ts';
import { COMPARISONS } from '../../engine/ir/operators.ts';
import type { Condition, Policy } from '../../engine/ir/schema.ts';
import { compileCondition } from '../../engine/compile/compile-condition.ts';
import { describeCondition } from '../../engine/ir/describe.ts';
import { builtinOperators } from '../../engine/runtime/operators.ts';

const operand = (o: (typeof COMPARISONS)[number]) => (o.operand === 'list' ? [1, 2] : 2);

function policyWith(when: Condition): Policy {
  return {
    id: 'p',
    title: 'P',
    version: '1',
    zone: 'UTC',
    sources: [{ lang: 'en', file: 'p.txt' }],
    plans: {},
    facts: { f: { type: 'number' } },
    events: {},
    clauses: { c: { text: { en: 'C' } } },
    entitlements: [{ id: 'e', clause: 'c', limit: 1, when: [when] }],
  };
}

describe('the comparison operators', () => {
  for (const o of COMPARISONS) {
    it(`\`${o.key}\` is written \`${o.dsl}\` in the DSL, both ways`, () => {
      const ir = policyWith({ fact: 'f', [o.key]: operand(o) } as Condition);
      const text = printDsl(ir);
      expect(text).toContain(`when fact f ${o.dsl} ${o.operand === 'list' ? '[1, 2]' : '2'}`);
      expect(parseDsl(text).policy).toEqual(ir);
    });

    it(`\`${o.key}\` compiles to json-rules-engine's \`${o.engine}\`, which the direct evaluator mirrors`, async () => {
      const c = compileCondition({ fact: 'f', [o.key]: operand(o) } as Condition, {}, 'x');
      expect(c).toMatchObject({ fact: 'f', operator: o.engine, value: operand(o) });
      expect(describeCondition({ fact: 'f', [o.key]: operand(o) } as Condition)).toContain(` ${o.symbol} `);
      // the stock engine and the mirror agree on a value on each side of the operand
      for (const fact of [1, 2, 3]) {
        const engine = new Engine([{ conditions: { all: [{ fact: 'f', operator: o.engine, value: operand(o) }] }, event: { type: 'hit' } }]);
        const { events } = await engine.run({ f: fact });
        expect(builtinOperators[o.engine](fact, operand(o)), `${fact} ${o.engine}`).toBe(events.length === 1);
      }
    });
  }
});
