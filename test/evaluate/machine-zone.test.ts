// Answers never depend on the machine's time zone: the same cases evaluated in processes started
// under TZ=UTC, America/New_York and Asia/Kolkata give identical JSON.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = `
import { readFileSync } from 'node:fs';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource } from './engine/index.ts';
const out = [];
for (const id of ['relokia', 'cart2cart', 'crmonline', 'data2crm']) {
  const policy = compilePolicy(loadPolicy({ source: readFileSync('policies/' + id + '.yaml', 'utf8'), file: id }));
  const tests = parseCaseSource(readFileSync('policies/' + id + '.test.yaml', 'utf8')).value;
  for (const t of tests.cases) out.push(await evaluate(policy, t.case));
}
process.stdout.write(JSON.stringify(out));
`;

function run(tz: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe('the machine time zone', () => {
  it('does not change any answer', () => {
    const utc = run('UTC');
    expect(utc.length).toBeGreaterThan(1000);
    expect(run('America/New_York')).toBe(utc);
    expect(run('Asia/Kolkata')).toBe(utc);
  });
});
