// `sla diff` as a user runs it: the policy changes, the changed answers over a corpus (NDJSON,
// test files, or generated), and --fail-on-change as a CI gate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { windowCases, windowLengthened } from '../analysis/diff-pairs.ts';
import { ROOT, runSla, tempFiles } from './run-sla.ts';

const [before, after] = windowLengthened();
const ndjson = windowCases.map((c) => JSON.stringify(c.case)).join('\n');
const dir = tempFiles({
  'old.yaml': JSON.stringify(before),
  'new.yaml': JSON.stringify(after),
  'corpus.ndjson': `${ndjson}\n`,
  'bad.ndjson': '{"at": 1}\nnot json\n',
});

describe('sla diff', () => {
  it('prints the policy change, the changed answers grouped with their cases, and a summary table', async () => {
    const r = await runSla(['diff', 'old.yaml', 'new.yaml', '--cases', 'corpus.ndjson'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Policy changes, tiny 1 → tiny 1:',
        '  ~ entitlement `re_migration` until: done + 5 days → done + 7 days',
        '',
        'Answers over 4 evaluations: 3 changed',
        '  entitlement `re_migration` until later: 3 cases (corpus.ndjson:1, corpus.ndjson:2, corpus.ndjson:3)',
        '  entitlement `re_migration` not allowed → allowed: 1 case (corpus.ndjson:1)',
        '',
        '  item                        change                 cases',
        '  entitlement `re_migration`  until later                3',
        '  entitlement `re_migration`  not allowed → allowed      1',
        '',
      ].join('\n'),
    );
  });

  it('--fail-on-change exits 1 on a change and 0 when nothing changed', async () => {
    expect((await runSla(['diff', 'old.yaml', 'new.yaml', '--fail-on-change'], { cwd: dir })).code).toBe(1);
    const same = await runSla(['diff', 'old.yaml', 'old.yaml', '--cases', 'corpus.ndjson', '--fail-on-change'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Answers over 4 evaluations: 0 changed');
  });

  it('takes the cases of test files, and gives JSON', async () => {
    const r = await runSla(['diff', 'relokia', 'policies/relokia.yaml', '--cases', 'policies/relokia.test.yaml', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.policy).toEqual([]);
    const cases = readFileSync(`${ROOT}/policies/relokia.test.yaml`, 'utf8').match(/^ {2}- name:/gm)!.length;
    expect(out.answers).toMatchObject({ evaluated: cases, changed: 0, groups: [] });
  });

  it('generates a corpus with --generate, the same for a seed', async () => {
    const args = ['diff', 'old.yaml', 'new.yaml', '--generate', '200', '--seed', '5', '--json'];
    const [x, y] = [await runSla(args, { cwd: dir }), await runSla(args, { cwd: dir })];
    expect(x.code).toBe(0);
    expect(x.stdout).toBe(y.stdout);
    expect(JSON.parse(x.stdout).answers.evaluated).toBe(200);
  });

  it('says which line of a corpus is not JSON, and refuses bad options', async () => {
    const bad = await runSla(['diff', 'old.yaml', 'new.yaml', '--cases', 'bad.ndjson'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.ndjson:2:1: error SLA1010 line 2 is not JSON/);
    expect((await runSla(['diff', 'old.yaml'], { cwd: dir })).code).toBe(2);
    expect((await runSla(['diff', 'old.yaml', 'new.yaml', '--at', '2025-03-01T10:00'], { cwd: dir })).code).toBe(2);
    expect((await runSla(['diff', 'old.yaml', 'new.yaml', '--cases', 'x', '--generate', '3'], { cwd: dir })).code).toBe(2);
  });
});
