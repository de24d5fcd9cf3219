// The HTTP API under load (autocannon on loopback, each run bounded in time), beside calling
// evaluate() in-process on the same case and beside a bare fastify route answering a constant
// (the framework's own ceiling), all in the same run. The server runs in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, type Case } from '../engine/index.ts';
import { policySourceExample } from '../server/examples.ts';
import { fmtUs, measure, type BenchSection } from './measure.ts';

const CONNECTIONS = 64;
const SECONDS = 8;
const SOAK_REQUESTS = 50_000; // per round, two rounds
const SOAK_SECONDS = 90;

const policySource = readFileSync(new URL('../policies/relokia.yaml', import.meta.url), 'utf8');
const kase = parseCaseSource(readFileSync(new URL('./fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8')).value as Case;
const smallCase = parseCaseSource(readFileSync(new URL('../examples/relokia-case.yaml', import.meta.url), 'utf8')).value as Record<string, unknown>;
const evaluateBody = JSON.stringify({ case: { ...kase, policy: 'relokia' } });
const BATCH = 100;
const batchBody = JSON.stringify({ cases: Object.fromEntries(Array.from({ length: BATCH }, (_, i) => [`k${i}`, { ...kase, policy: 'relokia' }])) });

async function serve(mode: 'sla' | 'bare'): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./server-process.ts', import.meta.url).pathname, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code})`)));
  });
  return { url, child };
}

const stop = (child: ChildProcess) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(url: string, body: string, opts: { connections?: number; seconds?: number } = {}): Promise<Load> {
  const r = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: opts.connections ?? CONNECTIONS,
    duration: opts.seconds ?? SECONDS,
  });
  // answered per second over the whole run (autocannon's per-second average is too coarse for slow batches)
  return { rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx, requests: r['2xx'] };
}

/** SOAK_REQUESTS requests, or fewer if SOAK_SECONDS pass first (autocannon's `amount` ignores `duration`). */
function soak(url: string, requests: autocannon.Request[]): Promise<{ requests: number }> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: 32, requests, amount: SOAK_REQUESTS }, (error, r) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve({ requests: r.requests.total });
    });
    const timer = setTimeout(() => instance.stop(), SOAK_SECONDS * 1000);
  });
}

const heapOf = async (url: string) => (await (await fetch(`${url}/bench/heap`)).json()) as { heapUsed: number; rss: number };
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export default async (): Promise<BenchSection> => {
  const compiled = compilePolicy(loadPolicy({ source: policySource, file: 'relokia.yaml' }));
  const inProcess = await measure(() => evaluate(compiled, kase), 7, 300);
  const inProcessRps = 1e6 / inProcess.us;

  const bare = await serve('bare');
  await load(bare.url, '{}', { seconds: 1 }); // warm up
  const ceiling = await load(bare.url, '{}');
  await stop(bare.child);

  const sla = await serve('sla');
  const url = `${sla.url}/v1/evaluate`;
  await load(url, evaluateBody, { seconds: 2 }); // warm up: policies compiled, code optimised
  const single = await load(url, evaluateBody);
  const batch = await load(`${sla.url}/v1/evaluate/batch`, batchBody, { connections: 8 });
  // memory: the same mix of requests twice over, heap measured after GC before, between and after
  const etag = (await fetch(`${sla.url}/v1/policies/relokia`)).headers.get('etag') ?? '';
  const mix: autocannon.Request[] = [
    { method: 'POST', path: '/v1/evaluate', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ case: smallCase, explain: 'none' }) },
    { method: 'GET', path: '/v1/policies/relokia', headers: { 'if-none-match': etag } },
    { method: 'POST', path: '/v1/check', headers: { 'content-type': 'application/json' }, body: JSON.stringify(policySourceExample) },
    { method: 'POST', path: '/v1/evaluate', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ case: { ...smallCase, at: 'noon' } }) },
    { method: 'GET', path: '/healthz' },
  ];
  const heap0 = await heapOf(sla.url);
  const soak1 = await soak(sla.url, mix);
  const heap1 = await heapOf(sla.url);
  const soak2 = await soak(sla.url, mix);
  const heap2 = await heapOf(sla.url);
  await stop(sla.child);

  const pct = (x: number) => `${((100 * x) / inProcessRps).toFixed(0)}%`;
  const row = (label: string, l: Load, rps = l.rps) =>
    `| ${label} | ${rps.toFixed(0)} | ${l.p50} ms | ${l.p99} ms | ${(l.p99 / Math.max(l.p50, 1)).toFixed(1)}× | ${pct(rps)} | ${l.errors} |`;
  const markdown = [
    `Case: \`bench/fixtures/relokia-realistic-case.yaml\` (${(kase.events as unknown[]).length} events) under the bundled relokia policy. autocannon on loopback, ${CONNECTIONS} connections, ${SECONDS} s per row (batch: 8 connections); the server in its own process, default settings; in-process: \`evaluate(compiled, case)\` in a loop in the benchmark process, ${fmtUs(inProcess.us)} per call.`,
    '',
    '| what | answers/s | p50 | p99 | p99/p50 | vs. in-process | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| in-process \`evaluate()\` (sequential) | ${inProcessRps.toFixed(0)} | ${fmtUs(inProcess.us)} | | | 100% | 0 |`,
    row('`POST /v1/evaluate`', single),
    row(`\`POST /v1/evaluate/batch\`, ${BATCH} cases per request (answers/s = requests/s × ${BATCH})`, batch, batch.rps * BATCH),
    row("bare fastify route answering a constant (the framework's ceiling)", ceiling),
    '',
    `\`POST /v1/evaluate\` reaches ${pct(single.rps)} of in-process throughput (goal ≥ 60%: ${single.rps >= 0.6 * inProcessRps ? 'met' : '**missed**'}) with p99 = ${(single.p99 / Math.max(single.p50, 1)).toFixed(1)}× p50 (goal ≤ 5×) at ${CONNECTIONS} connections. ` +
      `The server answers on one thread, so a request costs it ${fmtUs(1e6 / single.rps)}, of which ${fmtUs(inProcess.us)} is the evaluation and the rest the request around it (reading and validating the body, writing the answer, the garbage of both); the bare route answers ${(ceiling.rps / single.rps).toFixed(0)}× as many requests. ` +
      `A batch answers ${((batch.rps * BATCH) / single.rps).toFixed(2)}× as many cases per second as single requests.`,
    '',
    `Memory of the server process after garbage collection, over two rounds of ${soak1.requests.toLocaleString('en')} and ${soak2.requests.toLocaleString('en')} requests (${((soak1.requests + soak2.requests) / 1000).toFixed(0)}k in all, each round capped at ${SOAK_SECONDS} s; 32 connections; a cycle of evaluate, 304 on If-None-Match, check, an invalid case answered 400, healthz): ` +
      `heap ${mb(heap0.heapUsed)} → ${mb(heap1.heapUsed)} → ${mb(heap2.heapUsed)} (${((heap2.heapUsed / heap1.heapUsed - 1) * 100).toFixed(1)}% over the second round), RSS ${mb(heap0.rss)} → ${mb(heap1.rss)} → ${mb(heap2.rss)}.`,
  ].join('\n');
  return { title: 'HTTP API under load', markdown };
};
