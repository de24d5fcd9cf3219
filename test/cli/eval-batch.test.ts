// `sla eval --batch`: one line per case in input order, invalid cases on their lines with file and
// line, a summary on stderr, a progress line only on a terminal, the same output for any number of
// workers, and input read as the batch has room for it.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../engine/analysis/generate-cases.ts';
import { evaluate, type Case } from '../../engine/index.ts';
import { runBatch, type BatchIo } from '../../cli/batch/run-batch.ts';
import { defaultWindow } from '../../cli/batch/worker-batch.ts';
import { displayPath } from '../../cli/display-path.ts';
import { bundled } from '../evaluate/backends-agree.ts';
import { ROOT, runSla, STACK_FRAME, tempFiles } from './run-sla.ts';

const relokia = bundled('relokia');
const cases = generateCases(relokia.policy as never, { count: 30, seed: 9 }).map((c) => ({ policy: 'relokia', ...c }));
const ndjson = (list: unknown[]) => list.map((c) => (typeof c === 'string' ? c : JSON.stringify(c))).join('\n') + '\n';
const lines = (s: string) => s.split('\n').filter((l) => l !== '');
/** What was written, as text: the answers' lines are written as UTF-8 bytes. */
const text = (s: string | Uint8Array) => (typeof s === 'string' ? s : new TextDecoder().decode(s));

/** Streams that capture what is written, a terminal or not. */
function capture(options: { tty?: boolean; stdin?: AsyncIterable<string> } = {}) {
  const out = { stdout: '', stderr: '' };
  const stream = (name: 'stdout' | 'stderr') => ({ isTTY: options.tty, columns: 100, write: (s: string | Uint8Array) => ((out[name] += text(s)), true) });
  const io = { stdout: stream('stdout'), stderr: stream('stderr'), stdin: options.stdin ?? Readable.from([]) } as unknown as BatchIo;
  return { io, out };
}
const values = { lang: 'en' as const, engine: 'compiled' as const, json: true, workers: 2 };

describe('sla eval --batch', () => {
  it('prints one JSON line per case in input order: the answer, or the errors of an invalid case with its line', async () => {
    const input = [...cases.slice(0, 3), '{"at": bad json}', '', cases[3], { ...cases[4], plans: { support: 'gold' } }, ...cases.slice(5)];
    const dir = tempFiles({ 'cases.ndjson': ndjson(input) });
    const run = await runSla(['eval', '--batch', join(dir, 'cases.ndjson'), '--json', '--workers', '2']);
    expect(run.code).toBe(1);
    const out = lines(run.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(input.length - 1); // the blank line is not a case
    const expected = [...cases.slice(0, 3), undefined, cases[3], undefined, ...cases.slice(5)];
    for (const [i, kase] of expected.entries()) if (kase) expect(out[i]).toEqual(await evaluate(relokia, kase as Case));
    // shown as every diagnostic shows a file: relative to the working directory when that is shorter
    const file = displayPath(join(dir, 'cases.ndjson'), ROOT);
    expect(out[3].errors.map((e: { code: string; file: string; line: number; column: number }) => [e.code, e.file, e.line, e.column])).toEqual([
      ['SLA1010', file, 4, 8],
    ]);
    expect(out[5].errors.map((e: { code: string; line: number; column: number }) => [e.code, e.line])).toEqual([['SLA4007', 7]]);
    expect(run.stderr).toMatch(/^31 cases in .* \(\d+ cases\/s\): 29 answers, 2 invalid$/m);
    expect(run.stderr).toContain(`${file}:4:8: error SLA1010 not valid JSON`);
    expect(run.stderr + run.stdout).not.toMatch(STACK_FRAME);
  }, 120_000);

  it('prints a readable line per case without --json, and exits 0 when every case is answered', async () => {
    const dir = tempFiles({ 'cases.ndjson': ndjson(cases.slice(0, 4)) });
    const run = await runSla(['eval', '--batch', 'cases.ndjson', '--workers', '1'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((l) => l.split('  ')[0])).toEqual(['cases.ndjson:1', 'cases.ndjson:2', 'cases.ndjson:3', 'cases.ndjson:4']);
    expect(lines(run.stdout)[0]).toMatch(/deadlines: .* · entitlements: \d+ of \d+ allowed · refund: .* · credits: /);
    expect(run.stderr).toMatch(/^4 cases in .*: 4 answers, 0 invalid$/m);
  }, 120_000);

  it('gives the same output with one worker and with two', async () => {
    const many = generateCases(relokia.policy as never, { count: 80, seed: 31 }).map((c) => ({ policy: 'relokia', ...c }));
    const dir = tempFiles({ 'cases.ndjson': ndjson([...many.slice(0, 40), '[1,', ...many.slice(40)]) });
    const one = await runSla(['eval', '--batch', 'cases.ndjson', '--json', '--workers', '1'], { cwd: dir });
    const two = await runSla(['eval', '--batch', 'cases.ndjson', '--json', '--workers', '2'], { cwd: dir });
    expect(lines(one.stdout)).toHaveLength(81);
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('answers nothing for an empty input, and exits 0', async () => {
    const dir = tempFiles({ 'empty.ndjson': '' });
    const run = await runSla(['eval', '--batch', 'empty.ndjson', '--policy', 'relokia', '--json'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([0, '']);
    expect(run.stderr).toMatch(/^0 cases in .*: 0 answers, 0 invalid$/m);
  }, 120_000);

  it('reads a folder of case files, NDJSON files among them, in name order, leaving test files out', async () => {
    const dir = tempFiles();
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'a.yaml'), `policy: relokia\nat: ${cases[0].at}\nplans: { support: platinum }\n`);
    writeFileSync(join(dir, 'b.json'), JSON.stringify(cases[1]));
    writeFileSync(join(dir, 'more', 'c.ndjson'), ndjson(cases.slice(2, 4)));
    writeFileSync(join(dir, 'relokia.test.yaml'), 'policy: relokia\ncases: []\n');
    const run = await runSla(['eval', '--batch', '.', '--json'], { cwd: dir });
    const out = lines(run.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0].errors.map((e: { code: string; file: string; line: number }) => [e.code, e.file, e.line])).toEqual([['SLA4007', 'a.yaml', 3]]);
    expect(out.slice(1)).toEqual([
      await evaluate(relokia, cases[1] as Case),
      await evaluate(relokia, cases[2] as Case),
      await evaluate(relokia, cases[3] as Case),
    ]);
    expect(run.code).toBe(1);
  }, 120_000);

  it('reads standard input for `-`, as the executable does', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'sla.js'), 'eval', '--batch', '-', '--json', '--workers', '1'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(ndjson([cases[0], 'nope', cases[1]]));
    const code = await new Promise((resolve) => child.on('close', resolve));
    const out = lines(stdout).map((l) => JSON.parse(l));
    expect(out[0]).toEqual(await evaluate(relokia, cases[0] as Case));
    expect(out[1].errors.map((e: { code: string; file: string; line: number }) => [e.code, e.file, e.line])).toEqual([['SLA1010', '<stdin>', 2]]);
    expect(out[2]).toEqual(await evaluate(relokia, cases[1] as Case));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^3 cases in .*: 2 answers, 1 invalid$/m);
  }, 120_000);

  it('streams a long input: it reads only a bounded window ahead of the lines it has written', async () => {
    const total = 1500;
    let produced = 0;
    let most = 0;
    async function* generate() {
      for (; produced < total;) yield `${JSON.stringify(cases[produced++ % cases.length])}\n`;
    }
    const { io, out } = capture({ stdin: Readable.from(generate(), { objectMode: true, highWaterMark: 1 }) });
    let written = 0;
    io.stdout.write = (s: string | Uint8Array) => {
      const t = text(s);
      written += t.split('\n').length - 1;
      most = Math.max(most, produced - written);
      out.stdout += t;
      return true;
    };
    expect(await runBatch('-', values, io)).toBe(0);
    expect(written).toBe(total);
    // the reorder window, the read in progress and the stream's own small buffer
    expect(most).toBeLessThanOrEqual(defaultWindow(values.workers) + 4);
    expect(defaultWindow(values.workers)).toBeLessThan(total / 4);
  }, 180_000);

  it('waits for a standard output that writes later (a pipe on some systems), and writes every answer whole', async () => {
    const many = generateCases(relokia.policy as never, { count: 300, seed: 33 }).map((c) => ({ policy: 'relokia', ...c }));
    const stdin = () => Readable.from(many.map((c) => `${JSON.stringify(c)}\n`));
    const direct = capture({ stdin: stdin() });
    await runBatch('-', values, direct.io);
    // cases as fast as they are asked for, and an output that reads what it is given only later:
    // the batch goes on meanwhile, and must not reuse the memory of what is still to be written
    const slow = capture({ stdin: stdin() });
    let late = '';
    const write = (chunk: Buffer, _: unknown, done: () => void) => void setTimeout(() => ((late += text(chunk)), done()), 100);
    slow.io.stdout = Object.assign(new Writable({ highWaterMark: 1024, write }), { isTTY: false, columns: 80 });
    expect(await runBatch('-', values, slow.io)).toBe(0);
    expect(lines(late)).toHaveLength(300);
    expect(late).toBe(direct.out.stdout);
  }, 180_000);

  it('shows a progress line with the count, the rate and the time left only when stderr is a terminal', async () => {
    const dir = tempFiles({ 'cases.ndjson': ndjson(cases.slice(0, 6)) });
    const file = join(dir, 'cases.ndjson');
    const tty = capture({ tty: true });
    await runBatch(file, values, tty.io);
    expect(tty.out.stderr).toMatch(/\r\[[#-]{20}\] \d\/6 \d+% {2}[\d.]+ cases\/s {2}ETA /);
    expect(tty.out.stderr).toContain('\r\u001b[K6 cases in');
    const piped = capture();
    await runBatch(file, values, piped.io);
    expect(piped.out.stderr).not.toContain('\r');
    expect(piped.out.stdout).toBe(tty.out.stdout);
  }, 120_000);

  it('reads a FIFO once, as it comes, even when a terminal shows the progress', async () => {
    const fifo = join(tempFiles(), 'cases.fifo');
    execFileSync('mkfifo', [fifo]);
    createWriteStream(fifo).end(ndjson(cases.slice(0, 3)));
    const tty = capture({ tty: true });
    expect(await runBatch(fifo, values, tty.io)).toBe(0);
    expect(lines(tty.out.stdout)).toHaveLength(3);
    expect(tty.out.stderr).toMatch(/3 cases in .*: 3 answers, 0 invalid/);
  }, 120_000);

  it('refuses bad usage with exit 2', async () => {
    const runs = await Promise.all([
      runSla(['eval', '--batch', 'x.ndjson', '--workers', '0']),
      runSla(['eval', 'case.yaml', '--workers', '2']),
      runSla(['eval', '--batch', 'x.ndjson', 'case.yaml']),
      runSla(['eval', '--batch', '-', '--explain']),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0].stderr).toContain('--workers must be a whole number from 1 to 256, not `0`');
  });

  it('says which file is missing, and which case names no policy', async () => {
    const missing = await runSla(['eval', '--batch', 'no-such.ndjson', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).errors.map((e: { code: string }) => e.code)).toEqual(['SLA5003']);
    const dir = tempFiles({ 'cases.ndjson': ndjson([{ at: cases[0].at }]) });
    const unnamed = await runSla(['eval', '--batch', 'cases.ndjson'], { cwd: dir });
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('no policy for this batch');
  });
});
