// Answers never depend on the machine's time zone: the same cases evaluated in processes started
// under TZ=UTC, America/New_York and Asia/Kolkata give identical JSON (the built engine, as installed).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const script = `
import { readFileSync } from 'node:fs';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource } from './dist/engine/index.js';
const out = [];
for (const id of ['relokia', 'cart2cart', 'crmonline', 'data2crm']) {
  const policy = compilePolicy(loadPolicy({ source: readFileSync('policies/' + id + '.yaml', 'utf8'), file: id }));
  const tests = parseCaseSource(readFileSync('policies/' + id + '.test.yaml', 'utf8')).value;
  for (const t of tests.cases) out.push(await evaluate(policy, t.case));
}
process.stdout.write(JSON.stringify(out));
`;

async function run(tz: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

describe('the machine time zone', () => {
  it('does not change any answer', async () => {
    const [utc, newYork, kolkata] = await Promise.all(['UTC', 'America/New_York', 'Asia/Kolkata'].map(run));
    expect(utc.length).toBeGreaterThan(1000);
    expect(newYork).toBe(utc);
    expect(kolkata).toBe(utc);
  });
});
