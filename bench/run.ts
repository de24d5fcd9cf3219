// npm run bench: runs every bench/*.bench.ts (each default-exports an async () => BenchSection),
// prints the sections and writes them to BENCHMARKS.md.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadHolidayData } from '../engine/calendar/index.ts';
import type { BenchSection } from './measure.ts';

// Benchmarks use the calendar module directly, so the country holiday data is loaded up front.
await loadHolidayData();

const dir = new URL('.', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: BenchSection[] = [];
for (const f of files) {
  process.stderr.write(`running ${f}…\n`);
  const mod = (await import(new URL(f, dir).href)) as { default: () => Promise<BenchSection> };
  const section = await mod.default();
  sections.push(section);
  process.stdout.write(`\n## ${section.title}\n\n${section.markdown}\n`);
}

if (only.length === 0) {
  const header = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (median of several rounds; every figure beside a baseline measured in the same run).',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
    '',
  ].join('\n');
  const body = sections.map((s) => `## ${s.title}\n\n${s.markdown}\n`).join('\n');
  writeFileSync(new URL('../BENCHMARKS.md', dir), `${header}\n${body}`);
  process.stderr.write('wrote BENCHMARKS.md\n');
}
