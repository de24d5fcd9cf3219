// One benchmark section in a process of its own (bench/run.ts starts one per section): it runs
// the section's default export and writes the BenchSection as JSON to the file it is given.
import { writeFileSync } from 'node:fs';
import { loadHolidayData } from '../engine/calendar/index.ts';
import type { BenchSection } from './measure.ts';

const [file, out] = process.argv.slice(2);
// Benchmarks use the calendar module directly, so the country holiday data is loaded up front.
await loadHolidayData();
const mod = (await import(new URL(file, import.meta.url).href)) as { default: () => Promise<BenchSection> };
writeFileSync(out, JSON.stringify(await mod.default()));
