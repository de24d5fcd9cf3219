// How evaluate's cost grows with the size of a case: generated Relokia cases of 100 → 1 000 →
// 10 000 tickets (each opened and answered, some late, one in ten still open), and crmonline cases
// of 12 → 240 months of outages. The growth exponent is the slope of log(time) over log(size).
import { readFileSync } from 'node:fs';
import { compilePolicy, evaluate, loadPolicy, type Case, type CompiledPolicy } from '../engine/index.ts';
import { fmtUs, measure, type BenchSection } from './measure.ts';

const load = (name: string) =>
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

async function series(compiled: CompiledPolicy, sizes: number[], make: (n: number) => Case) {
  const rows: { n: number; events: number; us: number }[] = [];
  for (const n of sizes) {
    const input = make(n);
    await evaluate(compiled, input); // the case is valid and answers
    const m = await measure(() => evaluate(compiled, input), 5, n >= 1000 ? 400 : 150);
    rows.push({ n, events: (input as { events: unknown[] }).events.length, us: m.us });
  }
  // least-squares slope of log(time) over log(size)
  const xs = rows.map((r) => Math.log(r.n));
  const ys = rows.map((r) => Math.log(r.us));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const exponent = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return { rows, exponent };
}

export default async (): Promise<BenchSection> => {
  const tickets = await series(load('relokia'), [100, 1000, 10_000], relokiaCase);
  const outages = await series(load('crmonline'), [12, 60, 240], crmonlineCase);
  const table = (what: string, s: typeof tickets) => [
    `| ${what} | events | \`evaluate\` median | per event | ÷ smallest |`,
    '| ---: | ---: | ---: | ---: | ---: |',
    ...s.rows.map((r) => `| ${r.n} | ${r.events} | ${fmtUs(r.us)} | ${fmtUs(r.us / r.events)} | ${(r.us / s.rows[0].us).toFixed(1)}× |`),
  ];
  const markdown = [
    'Generated cases (`bench/scaling.bench.ts`), each evaluated whole (validation, rules, answer, explanations), default backend.',
    '',
    ...table('Relokia tickets', tickets),
    '',
    `Growth exponent (least-squares slope of log time over log size) over ${tickets.rows[0].n} → ${tickets.rows[tickets.rows.length - 1].n} tickets: **${tickets.exponent.toFixed(2)}** (goal ≤ 1.1; 1.0 is linear).`,
    '',
    ...table('crmonline months of outages', outages),
    '',
    `Growth exponent over ${outages.rows[0].n} → ${outages.rows[outages.rows.length - 1].n} months: **${outages.exponent.toFixed(2)}** (goal ≤ 1.1).`,
  ].join('\n');
  return { title: 'Scaling with the size of a case', markdown };
};
