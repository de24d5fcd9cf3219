// Loading a file's unchanged source again returns the loaded policy kept the first time — shared,
// so frozen: no caller's change reaches another caller — while a changed source, another file name
// or an invalid source is loaded afresh, and each file keeps only its latest load.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePolicy, loadPolicy, SlaError } from '../../engine/index.ts';

const source = readFileSync(new URL('../../policies/data2crm.yaml', import.meta.url), 'utf8');

describe('loadPolicy of an unchanged source', () => {
  it('returns the policy loaded the first time', () => {
    const first = loadPolicy({ source, file: 'data2crm.yaml' });
    expect(loadPolicy({ source, file: 'data2crm.yaml' })).toBe(first);
    expect(loadPolicy({ source: `${source}\n# edited\n`, file: 'data2crm.yaml' })).not.toBe(first);
    expect(loadPolicy({ source, file: 'copy.yaml' })).not.toBe(first);
  });

  it('keeps only the latest load of each file, so edits do not pile up', () => {
    const first = loadPolicy({ source, file: 'edited.yaml' });
    const edited = loadPolicy({ source: `${source}\n# edited\n`, file: 'edited.yaml' });
    expect(loadPolicy({ source: `${source}\n# edited\n`, file: 'edited.yaml' })).toBe(edited);
    const back = loadPolicy({ source, file: 'edited.yaml' });
    expect(back).not.toBe(first);
    expect(back.ir).toEqual(first.ir);
  });

  it('refuses a change to the shared policy, so the next caller loads it as written', () => {
    const loaded = loadPolicy({ source, file: 'data2crm.yaml' });
    const asWritten = JSON.stringify(loaded.ir);
    expect(() => {
      (loaded.ir as { zone: string }).zone = 'Asia/Tokyo';
    }).toThrow(TypeError);
    expect(() => loaded.ir.deadlines?.push(loaded.ir.deadlines[0])).toThrow(TypeError);
    expect(() => {
      (loaded.warnings as unknown[]).push('x');
    }).toThrow(TypeError);
    expect(JSON.stringify(loadPolicy({ source, file: 'data2crm.yaml' }).ir)).toBe(asWritten);
    // a policy compiled from it is the caller's own at its top level
    const compiled = compilePolicy(loaded);
    compiled.policy.title = 'renamed';
    expect(compilePolicy(loadPolicy({ source, file: 'data2crm.yaml' })).policy.title).not.toBe('renamed');
  });

  it('loads an invalid source afresh each time, with the same diagnostics', () => {
    const bad = source.replace(/^zone: .*$/m, 'zone: Mars/Olympus');
    const refusal = () => {
      try {
        loadPolicy({ source: bad, file: 'bad.yaml' });
      } catch (e) {
        if (e instanceof SlaError) return e.diagnostics.map((d) => [d.code, d.line]);
        throw e;
      }
      throw new Error('the invalid source was accepted');
    };
    const first = refusal();
    expect(first.length).toBeGreaterThan(0);
    expect(refusal()).toEqual(first);
  });
});
