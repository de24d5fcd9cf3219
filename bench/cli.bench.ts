// How long the `sla` command takes to refuse bad input, beside the cost of starting Node itself
// (the floor any command pays). Each figure is the median wall time of several runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './measure.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sla.js');
const ROUNDS = 7;

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

export default async function (): Promise<BenchSection> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  const relokia = readFileSync(join(ROOT, 'policies', 'relokia.yaml'), 'utf8');
  const kase = 'policy: relokia\nat: 2025-07-03T12:00:00+03:00\nplans: { support: standard }\nfacts: { migration_price: 1000 }\nevents: []\n';
  const inputs: [string, string, string | Uint8Array, string[]][] = [
    ['a time without an offset', 'a.yaml', kase.replace('+03:00\nplans', '\nplans'), ['eval']],
    ['an unknown event type', 'b.yaml', kase.replace('events: []', 'events: [ { type: ticket_opend, at: 2025-07-01T09:00:00+03:00 } ]'), ['eval']],
    ['a YAML alias bomb', 'c.yaml', 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n', ['check']],
    ['20 000 nested `[`', 'd.yaml', '['.repeat(20_000), ['check']],
    ['binary garbage', 'e.yaml', new Uint8Array([0, 1, 2, 0xff, 0xfe]), ['check']],
    ['an invalid IANA zone', 'f.yaml', relokia.replace('zone: Europe/Kyiv', 'zone: Europe/Kiyv'), ['check']],
  ];
  execFileSync(process.execPath, [BIN, '--version']); // builds the bundle once, outside the timing
  const node = median(() => spawnSync(process.execPath, ['-e', '']));
  const valid = median(() => spawnSync(process.execPath, [BIN, 'check', join(ROOT, 'policies', 'relokia.yaml')]));
  const rows = [
    `| \`node -e ""\` (Node's own start) | ${node.toFixed(0)} ms | 1.00× |`,
    `| \`sla check policies/relokia.yaml\` (valid) | ${valid.toFixed(0)} ms | ${(valid / node).toFixed(2)}× |`,
  ];
  for (const [what, name, content, [command]] of inputs) {
    const file = join(dir, name);
    writeFileSync(file, content);
    const args = command === 'eval' ? [BIN, 'eval', file] : [BIN, 'check', file];
    const status = spawnSync(process.execPath, args).status;
    if (status !== 1) throw new Error(`${what}: expected exit 1, got ${status}`);
    const ms = median(() => spawnSync(process.execPath, args));
    rows.push(`| \`sla ${command}\` on ${what} (exit 1) | ${ms.toFixed(0)} ms | ${(ms / node).toFixed(2)}× |`);
  }
  return {
    title: 'Command line: time to refuse bad input',
    markdown: [
      `Wall time of a whole \`sla\` process, median of ${ROUNDS} runs, beside starting Node with nothing to do.`,
      '',
      '| command | median | vs. Node start |',
      '| --- | ---: | ---: |',
      ...rows,
    ].join('\n'),
  };
}
