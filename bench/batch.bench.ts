// Batch evaluation: throughput of 10 000 generated Relokia cases in this thread and on 1 and 2
// worker threads (the goal: ≥ 1.8× with 2 workers where 2 cores are free), with the CPU time each
// took (the main thread's share, the worker threads', and V8's own threads'), and `sla eval --batch` as a user runs it on
// 10 000 cases: its progress line on a terminal and its peak memory, beside the same on 2 000 cases
// (bounded memory: the peak does not grow with the input).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateCases } from '../engine/analysis/generate-cases.ts';
import { compilePolicy, evaluateEntries, loadPolicy, type CompiledPolicy } from '../engine/index.ts';
import { answerChunk } from '../cli/batch/answer-chunk.ts';
import { BatchWorkers, CHUNK, defaultWindow, type WorkerEntry } from '../cli/batch/worker-batch.ts';
import type { AnswerForm, WorkerData } from '../cli/batch/worker-protocol.ts';
import type { BenchSection } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COUNT = 10_000;
const ROUNDS = 7;
/** cases answered before the rounds, so that every thread's code is optimised and its heap has
 *  grown to what the batch needs (with fewer, a worker's first round was still the slowest) */
const WARM = COUNT;
/** times each thread of the JSON work goes through its lines */
const JSON_ROUNDS = 40;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

/** CPU milliseconds of each thread of this process by thread id (Linux: /proc/self/task/<id>/schedstat,
 *  in nanoseconds), or undefined where there is no such file. */
function threadTimes(): Map<string, number> | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  const times = new Map<string, number>();
  for (const id of readdirSync('/proc/self/task'))
    try {
      times.set(id, Number(readFileSync(`/proc/self/task/${id}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
    } catch {
      // the thread ended meanwhile
    }
  return times.size ? times : undefined;
}

/** The results counted, each given alone or (as `sla eval --batch` takes them) in chunks. */
async function drain(results: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const r of results) n += Array.isArray(r) ? r.length : 1;
  return n;
}

interface Round {
  ms: number;
  /** the whole process: every thread */
  cpuMs: number;
  /** the main thread alone */
  mainMs?: number;
  /** the batch's worker threads */
  workersMs?: number;
}

/** One way of answering the cases; `workerThreads` names the threads of its workers, if it has any. */
interface Form {
  run: (entries: WorkerEntry[]) => AsyncIterable<unknown>;
  /** what it is given: the cases as objects, or (`--json`, as the command reads them) their NDJSON lines */
  input: WorkerEntry[];
  workerThreads?: Set<string>;
}

/** One round of a form over the entries: wall time, and the CPU time of each kind of thread. */
async function round(form: Form): Promise<Round> {
  const entries = form.input;
  const before = threadTimes();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  if ((await drain(form.run(entries))) !== entries.length) throw new Error('a result is missing');
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const after = threadTimes();
  const spent = (ids: Iterable<string>) => [...ids].reduce((t, id) => t + (after!.get(id) ?? 0) - (before!.get(id) ?? 0), 0);
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(before && after ? { mainMs: spent([String(process.pid)]), ...(form.workerThreads ? { workersMs: spent(form.workerThreads) } : {}) } : {}),
  };
}

// What the machine gives two threads, measured beside the batch: JSON work alone (the batch's answer
// lines parsed and written again, no engine code) on 1 and on 2 plain worker threads, each thread
// doing the same amount, so the second's wall time over the first's is its speed-up.
const JSON_WORK = `
const { parentPort, workerData } = require('node:worker_threads');
parentPort.once('message', () => {
  let n = 0;
  for (let r = 0; r < workerData.rounds; r++) for (const line of workerData.lines) n += JSON.stringify(JSON.parse(line)).length;
  parentPort.postMessage(n);
});`;

/** Wall milliseconds of `threads` threads each doing the JSON work on `lines`, `rounds` times. */
async function jsonWork(threads: number, lines: string[], rounds: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(JSON_WORK, { eval: true, workerData: { lines, rounds } }));
  try {
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('online', resolve))));
    const t0 = performance.now();
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve) => {
            w.once('message', resolve);
            w.postMessage('go');
          }),
      ),
    );
    return performance.now() - t0;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** In this thread, what a worker does for `--json` (answer-chunk.ts), a chunk at a time, each
 *  chunk's buffer given back for the next as the main thread gives it back to a worker. */
function linesInThread(policy: CompiledPolicy, input: WorkerEntry[]): Form {
  const setup: WorkerData = { policy, form: 'json' };
  let spare: ArrayBuffer | undefined;
  return {
    input,
    async *run(entries) {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const task = { cases: chunk.map((e) => e.case), json: chunk.map((e) => e.json), files: chunk.map((e) => e.file) };
        const reply = await answerChunk(setup, { ...task, ...(spare ? { spare } : {}) });
        yield reply.ends!;
        spare = reply.bytes!.buffer as ArrayBuffer;
      }
    },
  };
}

/** A pool of `workers` threads, started and warm, and the ids of the threads it added. */
async function pooled(policy: CompiledPolicy, workers: number, form: AnswerForm, input: WorkerEntry[]): Promise<Form & { batch: BatchWorkers<AnswerForm> }> {
  const before = threadTimes();
  const batch = new BatchWorkers<AnswerForm>(policy, { workers, form });
  // JSON as the command takes it: a chunk at a time, each chunk's buffer given back
  const run = (e: WorkerEntry[]) => (form === 'json' ? batch.evaluateChunks(e) : batch.evaluate(e));
  await drain(run(input.slice(0, WARM)));
  const after = threadTimes();
  const added = before && after ? new Set([...after.keys()].filter((id) => !before.has(id))) : undefined;
  return { batch, run, input, ...(added ? { workerThreads: added } : {}) };
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
  const entries: WorkerEntry[] = cases.map((c) => ({ case: c }));
  const lines: WorkerEntry[] = cases.map((c, i) => ({ file: 'cases.ndjson', json: { text: JSON.stringify(c), line: i + 1 } }));
  const loadBefore = load();

  // Every form is warmed first, then the rounds go through all of them in turn, so that each form's
  // rounds are measured under the same conditions as the others' (the machine may be shared).
  const forms: Record<string, Form> = {
    'object 0': { run: (e) => evaluateEntries(policy, e), input: entries },
    'json 0': linesInThread(policy, lines),
  };
  for (const f of Object.values(forms)) await drain(f.run(f.input.slice(0, WARM)));
  const pools: BatchWorkers<AnswerForm>[] = [];
  // the answers of the first cases as NDJSON lines, for the JSON work (about as long as a row with 1 worker)
  const answerLines: string[] = [];
  for await (const r of evaluateEntries(policy, entries.slice(0, 500))) if ('answer' in r) answerLines.push(JSON.stringify(r.answer));
  const machine: Record<number, number[]> = {};
  const rounds: Record<string, Round[]> = {};
  try {
    for (const form of ['object', 'json'] as const)
      for (const workers of [1, 2]) {
        const p = await pooled(policy, workers, form, form === 'json' ? lines : entries);
        pools.push(p.batch);
        forms[`${form} ${workers}`] = p;
      }
    for (let r = 0; r < ROUNDS; r++) {
      for (const [key, f] of Object.entries(forms)) (rounds[key] ??= []).push(await round(f));
      for (const threads of [1, 2]) (machine[threads] ??= []).push(await jsonWork(threads, answerLines, JSON_ROUNDS));
    }
  } finally {
    for (const b of pools) await b.close();
  }
  // the median round of each form
  const m = Object.fromEntries(Object.entries(rounds).map(([k, rs]) => [k, [...rs].sort((a, b) => a.ms - b.ms)[Math.floor(rs.length / 2)]]));
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
  const split = (r: Round) =>
    r.mainMs === undefined
      ? '— | — | —'
      : `${us(r.mainMs)} | ${r.workersMs !== undefined ? us(r.workersMs) : '—'} | ${us(r.cpuMs - r.mainMs - (r.workersMs ?? 0))}`;
  const row = (how: string, r: Round, vs: string) =>
    `| ${how} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round((COUNT * 1000) / r.ms)} cases/s | ${vs} | ${us(r.cpuMs)} | ${split(r)} | ${(r.cpuMs / r.ms).toFixed(2)} |`;
  // a speed-up is the median of the rounds' own (each round runs both rows, one after the other)
  const speedupOf = (key: string, base: string) => median(rounds[key].map((r, i) => rounds[base][i].ms / r.ms));
  const vs = (key: string, base: string) => `${speedupOf(key, base).toFixed(2)}×`;
  const rows = [
    row('in this thread (`evaluateMany`), answers as objects', m['object 0'], '—'),
    row("in this thread, answers as NDJSON lines (a worker's own code, a chunk at a time)", m['json 0'], '—'),
    row('1 worker thread, answers as objects', m['object 1'], `1.00× (${vs('object 1', 'object 0')} in this thread)`),
    row('2 worker threads, answers as objects', m['object 2'], vs('object 2', 'object 1')),
    row('1 worker thread, answers as NDJSON lines (`--json`)', m['json 1'], `1.00× (${vs('json 1', 'json 0')} in this thread)`),
    row('2 worker threads, answers as NDJSON lines (`--json`)', m['json 2'], vs('json 2', 'json 1')),
  ];
  const cli = [small, large].map((r, i) =>
    r
      ? `| ${i ? COUNT : 2_000} cases | ${(r.ms / 1000).toFixed(1)} s | ${r.answers} | ${r.rssMb.toFixed(0)} MB | ${r.redraws} | \`${r.lastBar ?? '—'}\` |`
      : '| — | `script` (util-linux) is not installed: not measured | | | | |',
  );
  const speedup = speedupOf('json 2', 'json 1');
  const machineSpeedup = median(machine[1].map((one, i) => (2 * one) / machine[2][i]));
  const [alone, one] = [m['json 0'].mainMs, m['json 1'].workersMs];
  return {
    title: 'Batch evaluation',
    markdown: [
      `${COUNT} generated Relokia cases (\`generateCases\`, seed 2026), median of ${ROUNDS} rounds (a speed-up: the median of the rounds' own), each round going through every row in turn, warm (each row's ${WARM} cases answered once first). ` +
        `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ` +
        `load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfterThroughput} after the throughput rows.`,
      '',
      "| how | 10 000 cases | throughput | vs. 1 worker (same form) | CPU time per case | of it, main thread | worker threads | V8's own threads | cores used |",
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `With answers as NDJSON lines (what \`sla eval --batch --json\` asks its workers for), two workers give ${speedup.toFixed(2)}× one worker (goal ≥ 1.8× where 2 cores are free: ${speedup >= 1.8 ? 'met' : 'missed'}). ` +
        '"CPU time per case" counts every thread of the process, split into the main thread, the batch\'s worker threads, and the rest: V8\'s own threads (the garbage collector\'s helpers, the optimising compiler); "cores used" is CPU time over wall time: what the machine gave the batch. ' +
        `The cases go to the workers ${CHUNK} to a message; the NDJSON rows are given the cases as NDJSON lines, as the command reads them, and each worker answers a chunk with the code of the second row (\`JSON.parse\` of each line, evaluate, \`JSON.stringify\`, each answer's UTF-8 bytes added to the chunk's buffer as soon as it is made), so the main thread only hands out lines and writes out the bytes it is handed. ` +
        (alone !== undefined && one !== undefined
          ? `A worker thread costs ${us(one)} per case against ${us(alone)} for the same code in this thread (${(one / alone).toFixed(2)}×).`
          : '') +
        ` What the machine gave two threads in the same rounds: JSON work alone (${answerLines.length} of these answers' lines parsed and written again ${JSON_ROUNDS} times per thread, no engine code) ` +
        `runs ${machineSpeedup.toFixed(2)}× as fast on 2 plain worker threads as on 1 (median ${(median(machine[1]) / 1000).toFixed(2)} s for 1 thread's share, ${(median(machine[2]) / 1000).toFixed(2)} s for 2 threads' double share); ` +
        `the batch's ${speedup.toFixed(2)}× is ${Math.round((100 * speedup) / machineSpeedup)} % of it.`,
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
