// npm run bench: runs every bench/*.bench.ts (each default-exports an async () => BenchSection),
// each in a process of its own, so that what one section leaves behind (compiled code shaped by
// other policies, a grown heap) does not change the next one's figures; prints the sections and
// writes them to BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSection } from './measure.ts';

const dir = new URL('.', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: BenchSection[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'sla-bench-'));
for (const f of files) {
  process.stderr.write(`running ${f}…\n`);
  const out = join(scratch, `${f}.json`);
  execFileSync(process.execPath, ['--import', 'tsx', new URL('run-section.ts', dir).pathname, f, out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const section = JSON.parse(readFileSync(out, 'utf8')) as BenchSection;
  sections.push(section);
  process.stdout.write(`\n## ${section.title}\n\n${section.markdown}\n`);
}

if (only.length === 0) {
  const header = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (median of several rounds; every figure beside a baseline measured in the same run; each section in a process of its own).',
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
    '',
  ].join('\n');
  const body = sections.map((s) => `## ${s.title}\n\n${s.markdown}\n`).join('\n');
  writeFileSync(new URL('../BENCHMARKS.md', dir), `${header}\n${body}`);
  process.stderr.write('wrote BENCHMARKS.md\n');
}
rmSync(scratch, { recursive: true, force: true });
