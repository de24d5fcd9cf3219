import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../engine/ir/generate.ts';

describe('the files generated from engine/ir/schema.ts', () => {
  for (const [path, text] of Object.entries(generatedFiles())) {
    it(`${path} is current (run \`npm run schema\` after changing the schema)`, () => {
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8') === text).toBe(true);
    });
  }

  it('every bundled YAML policy points editors at the schema', () => {
    for (const id of ['relokia', 'data2crm', 'cart2cart', 'crmonline']) {
      const text = readFileSync(new URL(`../../policies/${id}.yaml`, import.meta.url), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./policy.schema.json');
    }
  });
});
