// Every bundled policy exists as YAML and as DSL, and the two stay equivalent.
import { readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDsl, printDsl, printYaml } from '../../dsl/index.ts';
import { compilePolicy, loadPolicy } from '../../engine/index.ts';

const dir = new URL('../../policies/', import.meta.url);
const ids = readdirSync(dir)
  .filter((f) => /^[a-z0-9_-]+\.yaml$/.test(f) && !f.endsWith('.test.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

describe('bundled policies: YAML and DSL', () => {
  it('finds the bundled policies', () => {
    expect(ids).toEqual(expect.arrayContaining(['cart2cart', 'crmonline', 'data2crm', 'relokia']));
  });

  for (const id of ids) {
    describe(id, () => {
      const yamlIr = () => YAML.parse(read(`${id}.yaml`));
      const dsl = () => read(`${id}.sla`);

      it('the .sla parses to the same IR as the .yaml', () => {
        const { policy, diagnostics } = parseDsl(dsl(), { file: `${id}.sla` });
        expect(diagnostics).toEqual([]);
        expect(policy).toEqual(yamlIr());
      });

      it('the .sla is in canonical form (sla fmt leaves it unchanged)', () => {
        const { policy } = parseDsl(dsl(), { file: `${id}.sla` });
        expect(printDsl(policy!)).toBe(dsl());
      });

      it('YAML → DSL → YAML gives the same IR', () => {
        const viaDsl = parseDsl(printDsl(yamlIr())).policy!;
        expect(YAML.parse(printYaml(viaDsl))).toEqual(yamlIr());
      });

      it('both load and compile to identical rules', () => {
        const fromYaml = loadPolicy({ source: read(`${id}.yaml`), file: `${id}.yaml` });
        const fromDsl = loadPolicy({ source: dsl(), file: `${id}.sla` }, { parseDsl });
        expect(fromDsl.format).toBe('dsl');
        expect(fromDsl.ir).toEqual(fromYaml.ir);
        expect(compilePolicy(fromDsl)).toEqual(compilePolicy(fromYaml));
      });
    });
  }
});
