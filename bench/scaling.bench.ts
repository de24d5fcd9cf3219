// How evaluate's cost grows with the size of a case: generated Relokia cases of 100 → 1 000 →
// 10 000 tickets (each opened and answered, some late, one in ten still open), and crmonline cases
// of 12 → 60 → 240 months of outages. The growth exponent of a segment is the slope of log(time)
// over log(size) between its two sizes; the fit is the least-squares slope over all of them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { compilePolicy, evaluate, loadPolicy, type Answer, type Case, type CompiledPolicy } from '../engine/index.ts';
import { fmtUs, type BenchSection } from './measure.ts';

export const load = (name: string) =>
  compilePolicy(loadPolicy({ source: readFileSync(new URL(`../policies/${name}.yaml`, import.meta.url), 'utf8'), file: `${name}.yaml` }));
const iso = (ms: number, offset: string) => {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return new Date(ms + sign * (h * 60 + m) * 60_000).toISOString().replace(/\.\d+Z$/, offset);
};

const MIN = 60_000;
const channels = ['email', 'chat', 'ticket', 'website', 'phone'];

/** `n` tickets, one opened every 37 minutes from 1 June 2025; answered after 20 min to 3 days. */
export function relokiaCase(n: number): Case {
  const start = Date.parse('2025-06-01T07:00:00Z');
  const events: Record<string, unknown>[] = [{ type: 'payment', at: iso(start - 86_400_000, '+03:00') }];
  for (let i = 0; i < n; i++) {
    const opened = start + i * 37 * MIN;
    const ticket = `T-${i + 1}`;
    events.push({ type: 'ticket_opened', at: iso(opened, '+03:00'), ticket, channel: channels[i % channels.length] });
    if (i % 10 !== 9) events.push({ type: 'ticket_answered', at: iso(opened + (20 + ((i * 7919) % 4300)) * MIN, '+03:00'), ticket });
  }
  const at = iso(start + n * 37 * MIN + 86_400_000, '+03:00');
  return {
    policy: 'relokia',
    at,
    plans: { support: 'signature' },
    facts: { migration_price: 2400, currency: 'USD', support_plan_price: 600, source_type: 'platform' },
    events,
  } as unknown as Case;
}

/** `months` months of outages from January 2005, three a month of 1 to 6 hours, one crossing the month's end. */
export function crmonlineCase(months: number): Case {
  const events: Record<string, unknown>[] = [];
  for (let m = 0; m < months; m++) {
    const monthStart = Date.UTC(2005, m, 1);
    for (const [day, hours] of [
      [3, 1],
      [15, 6],
      [27, 5],
    ] as const) {
      const at = monthStart + day * 86_400_000 + (m % 7) * 3_600_000;
      events.push({ type: 'outage', at: iso(at, '+03:30'), until: iso(at + hours * 3_600_000 + (day === 27 ? 4 * 86_400_000 : 0), '+03:30') });
    }
  }
  return { policy: 'crmonline', at: iso(Date.UTC(2005, months + 1, 1), '+03:30'), plans: { support: 'free' }, events } as unknown as Case;
}

interface Row {
  n: number;
  events: number;
  /** medians over rounds, µs per call: wall time, CPU time of the process, garbage collection pauses */
  wall: number;
  cpu: number;
  gc: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuNow = () => {
  const c = process.cpuUsage();
  return c.user + c.system;
};

/** `run` on the input of each size: evaluate on a case, or a baseline on its answer. */
interface Measured<T> {
  make: (n: number) => T;
  run: (input: T) => unknown;
  /** the events of the case an input is (or answers) */
  events: (input: T) => number;
}

const eventsOf = (c: Case) => (c as { events: unknown[] }).events.length;

/** Evaluating the cases `make` gives under a compiled policy. */
export const evaluating = (compiled: CompiledPolicy, make: (n: number) => Case): Measured<Case> => ({
  make,
  run: (c) => evaluate(compiled, c),
  events: eventsOf,
});

/** The baseline: a copy of each size's answer (`structuredClone`, V8's own code), linear by
 *  construction, which allocates and keeps alive an object tree as large as the answer. */
export async function copyingAnswers(
  compiled: CompiledPolicy,
  make: (n: number) => Case,
  sizes: number[],
): Promise<Measured<{ answer: Answer; events: number }>> {
  const made = new Map<number, { answer: Answer; events: number }>();
  for (const n of sizes) {
    const c = make(n);
    made.set(n, { answer: await evaluate(compiled, c), events: eventsOf(c) });
  }
  return { make: (n) => made.get(n)!, run: (x) => structuredClone(x.answer), events: (x) => x.events };
}

/** Rounds interleave the sizes (so load drifting over the run hits every size alike); each round
 *  of a size runs at least `minMs`, and at least once. */
export async function series<T>(m: Measured<T>, sizes: number[], rounds: number, minMs: number) {
  const inputs = sizes.map(m.make);
  for (const input of inputs) for (let i = 0; i < 3; i++) await m.run(input); // valid, answered, warm
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const samples = sizes.map(() => ({ wall: [] as number[], cpu: [] as number[], spans: [] as [number, number, number][] }));
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < sizes.length; i++) {
      let calls = 0;
      const c0 = cpuNow();
      const t0 = performance.now();
      let t = t0;
      while (calls === 0 || t - t0 < minMs) {
        await m.run(inputs[i]);
        calls++;
        t = performance.now();
      }
      samples[i].wall.push(((t - t0) * 1000) / calls);
      samples[i].cpu.push((cpuNow() - c0) / calls);
      samples[i].spans.push([t0, t, calls]);
    }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the collections' entries are delivered later
  observer.disconnect();
  // each collection is counted in the round it started in
  const gcIn = ([from, until, calls]: [number, number, number]) =>
    (gcs.filter((g) => g.startTime >= from && g.startTime < until).reduce((n, g) => n + g.duration, 0) * 1000) / calls;
  const rows: Row[] = sizes.map((n, i) => ({
    n,
    events: m.events(inputs[i]),
    wall: median(samples[i].wall),
    cpu: median(samples[i].cpu),
    gc: median(samples[i].spans.map(gcIn)),
  }));
  const slope = (a: number, b: number, i: number) => Math.log(b / a) / Math.log(rows[i + 1].n / rows[i].n);
  const segments = rows.slice(1).map((b, i) => {
    const a = rows[i];
    return { from: a.n, to: b.n, wall: slope(a.wall, b.wall, i), cpu: slope(a.cpu, b.cpu, i), outsideGc: slope(a.wall - a.gc, b.wall - b.gc, i) };
  });
  // least-squares slope of log(time) over log(size)
  const xs = rows.map((r) => Math.log(r.n));
  const ys = rows.map((r) => Math.log(r.wall));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const fit = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return { rows, segments, fit, rounds };
}

const GOAL = 1.1;
/** MB per semi-space of the young generation in the comparison runs (V8's default on 64-bit: 16) */
const YOUNG_MB = 64;
/** fresh processes the ticket series runs in, with the default young generation and with the larger one */
const PROCESSES = 5;
const YOUNG_PROCESSES = 3;

type Series = Awaited<ReturnType<typeof series>>;
interface TicketRun {
  evaluated: Series;
  copied: Series;
}

/** The ticket series and its baseline in a fresh process (scaling-tickets.ts), with `flags` for V8. */
function ticketsInProcess(flags: string[]): TicketRun {
  const child = new URL('./scaling-tickets.ts', import.meta.url).pathname;
  return JSON.parse(execFileSync(process.execPath, [...flags, '--import', 'tsx', child], { encoding: 'utf8', maxBuffer: 1 << 20 })) as TicketRun;
}

/** Each field of each entry, the median over the lists (sizes and event counts, the same in every
 *  list, stay as they are). */
const medianEach = <T extends object>(lists: T[][]): T[] =>
  lists[0].map((first, i) => Object.fromEntries(Object.keys(first).map((k) => [k, median(lists.map((l) => l[i][k as keyof T] as number))])) as T);

/** Per size and per segment, the median over the processes' series. */
const medianOf = (all: Series[]): Series => ({
  rows: medianEach(all.map((s) => s.rows)),
  segments: medianEach(all.map((s) => s.segments)),
  fit: median(all.map((s) => s.fit)),
  rounds: all[0].rounds,
});

export default async (): Promise<BenchSection> => {
  const loadBefore = loadavg()[0];
  // the two kinds of process alternate, so that load drifting over the run hits both alike
  const defaults: TicketRun[] = [];
  const larger: TicketRun[] = [];
  for (let k = 0; k < PROCESSES; k++) {
    defaults.push(ticketsInProcess([]));
    if (k < YOUNG_PROCESSES) larger.push(ticketsInProcess([`--max-semi-space-size=${YOUNG_MB}`]));
  }
  const tickets = medianOf(defaults.map((r) => r.evaluated));
  const copied = medianOf(defaults.map((r) => r.copied));
  const young = medianOf(larger.map((r) => r.evaluated));
  const outages = await series(evaluating(load('crmonline'), crmonlineCase), [12, 60, 240], 15, 200);
  const loadAfter = loadavg()[0];
  const table = (what: string, s: Series) => [
    `| ${what} | events | \`evaluate\` median | CPU time | of which GC pauses | per event | ÷ smallest |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...s.rows.map(
      (r) =>
        `| ${r.n} | ${r.events} | ${fmtUs(r.wall)} | ${fmtUs(r.cpu)} | ${fmtUs(r.gc)} | ${fmtUs(r.wall / r.events)} | ${(r.wall / s.rows[0].wall).toFixed(1)}× |`,
    ),
  ];
  // The goal is on the exponent fitted over all sizes; each segment's is shown beside it, marked where above.
  const exponents = (what: string, s: Series) => {
    const segs = s.segments.map(
      (g) =>
        `${g.from} → ${g.to}: ${g.wall.toFixed(2)}${g.wall > GOAL ? ` (above ${GOAL})` : ''} (CPU time ${g.cpu.toFixed(2)}, wall time outside GC pauses ${g.outsideGc.toFixed(2)})`,
    );
    return (
      `Growth exponent over ${what}, least-squares fit over all ${s.rows.length} sizes: **${s.fit.toFixed(2)}** (goal ≤ ${GOAL}: ${s.fit <= GOAL ? 'met' : '**missed**'}; 1.0 is linear). ` +
      `Per segment: ${segs.join('; ')}.`
    );
  };
  const last = (all: Series[]) =>
    all
      .map((s) => s.segments[s.segments.length - 1].wall.toFixed(2))
      .sort()
      .join(', ');
  const markdown = [
    'Generated cases (`bench/scaling.bench.ts`), each evaluated whole (validation, rules, answer, explanations), default backend. ' +
      `Tickets: the series runs in ${PROCESSES} fresh processes (\`bench/scaling-tickets.ts\`), ${tickets.rounds} rounds each, the sizes interleaved in each round; ` +
      "each figure is the median of the processes' medians (one process's figures depend on what its heap and compiled code became). " +
      `Months: ${outages.rounds} rounds in this process. ` +
      "CPU time is the process's (all its threads), which other jobs inflate less than wall time; GC pauses are those that started during the calls.",
    '',
    ...table('Relokia tickets', tickets),
    '',
    exponents('tickets', tickets) + ` The 1000 → 10000 exponent of each process: ${last(defaults.map((r) => r.evaluated))}.`,
    '',
    "Baseline, in the same processes: a copy of each size's answer (`structuredClone`, V8's own code: linear by construction, and like `evaluate` it allocates an object tree as large as the answer and keeps it alive to the end): " +
      copied.segments.map((g) => `${g.from} → ${g.to}: **${g.wall.toFixed(2)}** (wall time outside GC pauses ${g.outsideGc.toFixed(2)})`).join('; ') +
      ` (each process: ${last(defaults.map((r) => r.copied))}); ${copied.rows.map((r) => `${r.n} tickets ${fmtUs(r.wall)}`).join(', ')}. ` +
      `From 1 000 to 10 000 the copy grows with an exponent ${copied.segments[1].wall > GOAL ? 'itself above' : 'within'} the goal of ${GOAL}; ` +
      `\`evaluate\`'s is ${Math.abs(tickets.segments[1].wall - copied.segments[1].wall).toFixed(2)} ${tickets.segments[1].wall >= copied.segments[1].wall ? 'above' : 'below'} the copy's.`,
    '',
    `With a young generation four times the default (\`node --max-semi-space-size=${YOUNG_MB}\`, ${YOUNG_PROCESSES} processes, run between the others): ` +
      young.segments.map((g) => `${g.from} → ${g.to}: **${g.wall.toFixed(2)}** (CPU time ${g.cpu.toFixed(2)})`).join('; ') +
      ` (each process: ${last(larger.map((r) => r.evaluated))}); ${young.rows.map((r) => `${r.n} tickets ${fmtUs(r.wall)} (GC pauses ${fmtUs(r.gc)})`).join(', ')}. ` +
      'A case of 10 000 tickets keeps its events, their index and the answer being built alive through the whole call, ' +
      "so the collector's work on them grows with the case; beside the default runs above, these figures show what a larger young generation changes.",
    '',
    ...table('crmonline months of outages', outages),
    '',
    exponents('months', outages),
    '',
    `1-minute load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after.`,
  ].join('\n');
  return { title: 'Scaling with the size of a case', markdown };
};
