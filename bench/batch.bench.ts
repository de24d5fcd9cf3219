// Batch evaluation: throughput of 10 000 generated Relokia cases in this thread and on 1 and 2
// worker threads (the goal: ≥ 1.8× with 2 workers where 2 cores are free), with the CPU time each
// took (all threads, and the main thread's own share), and `sla eval --batch` as a user runs it on
// 10 000 cases: its progress line on a terminal and its peak memory, beside the same on 2 000 cases
// (bounded memory: the peak does not grow with the input).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCases } from '../engine/analysis/generate-cases.ts';
import { compilePolicy, evaluate, evaluateEntries, loadPolicy, type BatchEntry, type Case } from '../engine/index.ts';
import { BatchWorkers, CHUNK, defaultWindow } from '../cli/batch/worker-batch.ts';
import type { BenchSection } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COUNT = 10_000;
const ROUNDS = 3;
/** cases answered before the rounds, so that every thread's code is optimised */
const WARM = 2_000;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

/** CPU milliseconds of the calling thread (Linux: /proc/thread-self/stat, in clock ticks of 10 ms). */
function threadCpuMs(): number | undefined {
  if (!existsSync('/proc/thread-self/stat')) return undefined;
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function drain(results: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of results) n++;
  return n;
}

interface Round {
  ms: number;
  /** the whole process: every thread */
  cpuMs: number;
  /** the main thread alone */
  mainMs?: number;
}

/** Median wall time of a run over the entries, warm, and the CPU time spent in that round. */
async function throughput(run: (entries: BatchEntry[]) => AsyncIterable<unknown>, entries: BatchEntry[]): Promise<Round> {
  await drain(run(entries.slice(0, WARM)));
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const main0 = threadCpuMs();
    if ((await drain(run(entries))) !== entries.length) throw new Error('a result is missing');
    const cpu = process.cpuUsage(cpu0);
    const main1 = threadCpuMs();
    rounds.push({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, ...(main0 !== undefined ? { mainMs: main1! - main0 } : {}) });
  }
  return rounds.sort((a, b) => a.ms - b.ms)[Math.floor(rounds.length / 2)]; // the median round
}

/** The results of a batch a chunk at a time, as `sla eval --batch` takes them, one by one. */
async function* flat<T>(chunks: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const chunk of chunks) yield* chunk;
}

/** `sla eval --batch` with stderr on a pseudo-terminal (util-linux `script`) and stdout to a file; the
 *  process's peak RSS is written on exit by a preloaded module. */
function cliRun(file: string, dir: string) {
  const rssFile = join(dir, 'rss');
  const probe = join(dir, 'rss-probe.mjs');
  writeFileSync(
    probe,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const out = join(dir, 'answers.ndjson');
  const command = `${JSON.stringify(process.execPath)} --import ${JSON.stringify(probe)} ${JSON.stringify(join(ROOT, 'bin', 'sla.js'))} eval --batch ${JSON.stringify(file)} --json --workers 2 > ${JSON.stringify(out)}`;
  const t0 = performance.now();
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '100' }, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (run.error) return undefined; // no `script` here
  const answers = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
  const terminal = run.stdout;
  return {
    ms,
    status: run.status,
    answers,
    rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024,
    redraws: (terminal.match(/\r\[/g) ?? []).length,
    lastBar: [...terminal.matchAll(/\r(\[[#-]+\] [^\r\u001b]*)/g)].at(-1)?.[1]?.trim(),
  };
}

export default async function (): Promise<BenchSection> {
  const source = readFileSync(join(ROOT, 'policies', 'relokia.yaml'), 'utf8');
  const loaded = loadPolicy({ source, file: 'relokia.yaml' });
  const policy = compilePolicy(loaded);
  const cases = generateCases(loaded.ir, { count: COUNT, seed: 2026 });
  const entries: BatchEntry[] = cases.map((c) => ({ case: c }));
  const loadBefore = load();

  const inThread = await throughput((e) => evaluateEntries(policy, e), entries);
  // what a worker does for each case of `--json`, in this thread: the fair baseline of the JSON rows
  const inThreadJson = await throughput(async function* (e) {
    for (const entry of e) yield JSON.stringify(await evaluate(policy, entry.case as Case));
  }, entries);
  const pooled: Record<string, Round> = {};
  for (const form of ['object', 'json'] as const)
    for (const workers of [1, 2]) {
      const batch = new BatchWorkers<typeof form>(policy, { workers, form });
      try {
        // JSON as the command takes it: a chunk at a time, each chunk's buffer given back
        pooled[`${form} ${workers}`] = await throughput((e) => (form === 'json' ? flat(batch.evaluateChunks(e)) : batch.evaluate(e)), entries);
      } finally {
        await batch.close();
      }
    }
  const loadAfterThroughput = load();

  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-batch-'));
  const ndjson = (n: number) => {
    const file = join(dir, `cases-${n}.ndjson`);
    writeFileSync(
      file,
      cases
        .slice(0, n)
        .map((c) => JSON.stringify({ policy: 'relokia', ...c }))
        .join('\n') + '\n',
    );
    return file;
  };
  const small = cliRun(ndjson(2_000), dir);
  const large = cliRun(ndjson(COUNT), dir);
  const us = (ms: number) => `${Math.round((ms * 1000) / COUNT)} µs`;
  const row = (how: string, r: Round, vs: string) =>
    `| ${how} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round((COUNT * 1000) / r.ms)} cases/s | ${vs} | ${us(r.cpuMs)} | ${r.mainMs !== undefined ? us(r.mainMs) : '—'} | ${(r.cpuMs / r.ms).toFixed(2)} |`;
  const vs = (a: Round, b: Round) => `${(b.ms / a.ms).toFixed(2)}×`;
  const rows = [
    row('in this thread (`evaluateMany`), answers as objects', inThread, '—'),
    row('in this thread, answers as JSON text', inThreadJson, '—'),
    row('1 worker thread, answers as objects', pooled['object 1'], `1.00× (${vs(pooled['object 1'], inThread)} in this thread)`),
    row('2 worker threads, answers as objects', pooled['object 2'], vs(pooled['object 2'], pooled['object 1'])),
    row('1 worker thread, answers as NDJSON lines (`--json`)', pooled['json 1'], `1.00× (${vs(pooled['json 1'], inThreadJson)} in this thread)`),
    row('2 worker threads, answers as NDJSON lines (`--json`)', pooled['json 2'], vs(pooled['json 2'], pooled['json 1'])),
  ];
  const cli = [small, large].map((r, i) =>
    r
      ? `| ${i ? COUNT : 2_000} cases | ${(r.ms / 1000).toFixed(1)} s | ${r.answers} | ${r.rssMb.toFixed(0)} MB | ${r.redraws} | \`${r.lastBar ?? '—'}\` |`
      : '| — | `script` (util-linux) is not installed: not measured | | | | |',
  );
  const speedup = pooled['json 1'].ms / pooled['json 2'].ms;
  return {
    title: 'Batch evaluation',
    markdown: [
      `${COUNT} generated Relokia cases (\`generateCases\`, seed 2026), median of ${ROUNDS} rounds, warm (${WARM} cases answered first). ` +
        `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ` +
        `load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfterThroughput} after the throughput rows.`,
      '',
      '| how | 10 000 cases | throughput | vs. 1 worker (same form) | CPU time per case | of it, main thread | cores used |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `With answers as NDJSON lines (what \`sla eval --batch --json\` asks its workers for), two workers give ${speedup.toFixed(2)}× one worker (goal ≥ 1.8× where 2 cores are free: ${speedup >= 1.8 ? 'met' : 'missed'}). ` +
        '"CPU time per case" counts every thread of the process (the workers, the main thread, and V8\'s own threads: the optimising compiler and the garbage collector); "cores used" is CPU time over wall time: what the machine gave the batch. ' +
        `The cases go to the workers ${CHUNK} to a message; each worker makes its answers' JSON (in this thread, \`JSON.stringify\` adds ${Math.round((inThreadJson.cpuMs / inThread.cpuMs - 1) * 100)} % to a case) and their UTF-8 bytes, and the main thread only reads the cases and writes out the bytes it is handed.`,
      '',
      '`sla eval --batch cases.ndjson --json --workers 2`, stdout to a file, stderr on a pseudo-terminal (the whole process, start-up included; peak RSS of the process, its worker threads included):',
      '',
      '| input | wall time | answer lines | peak RSS | progress redraws | last progress line |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...cli,
      '',
      large && small
        ? `Peak memory for ${COUNT} cases is ${(large.rssMb / small.rssMb).toFixed(2)}× that for 2 000 (the batch holds at most ${defaultWindow(2)} cases in flight with 2 workers: memory does not grow with the input).`
        : '',
    ].join('\n'),
  };
}
