import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema } from '../../engine/ir/json-schema.ts';

describe('the published policy schema', () => {
  it('is what `npm run schema` generates from engine/ir/schema.ts', () => {
    const file = readFileSync(new URL('../../policies/policy.schema.json', import.meta.url), 'utf8');
    expect(JSON.parse(file)).toEqual(policyJsonSchema());
  });

  it('is referenced by every bundled YAML policy for editor support', () => {
    for (const id of ['relokia', 'data2crm', 'cart2cart', 'crmonline']) {
      const text = readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
    }
  });
});
