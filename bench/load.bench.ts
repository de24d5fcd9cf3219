// Loading each bundled policy: YAML and DSL sources through loadPolicy (the text changed every
// call, as after an edit, and unchanged, as a server or CLI loading the same file again), and the
// heap a loaded, compiled and prepared policy keeps.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseDsl } from '../dsl/index.ts';
import { compilePolicy, evaluate, loadPolicy, type Case } from '../engine/index.ts';
import { fmtBytes, fmtUs, measure, retainedPerItem, type BenchSection } from './measure.ts';

const dir = new URL('../policies/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');
const GOAL_US = 5000;

export default async function loadBench(): Promise<BenchSection> {
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.sla'))
    .map((f) => f.replace(/\.sla$/, ''))
    .sort();
  const loadBefore = loadavg()[0];
  const rows: string[] = [
    '| policy | .yaml size | `loadPolicy`, YAML (changed text) | `loadPolicy`, DSL (changed text) | `loadPolicy` unchanged (kept) | `compilePolicy` of the loaded policy | heap per policy: loaded + compiled + prepared |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const missed: string[] = [];
  let n = 0;
  // warm: every policy loaded from both forms for a while first, so that no row times code still
  // being compiled (this section runs in a process of its own)
  for (const id of ids)
    for (const [f, text] of [
      [`${id}.yaml`, read(`${id}.yaml`)],
      [`${id}.sla`, read(`${id}.sla`)],
    ])
      await measure(() => loadPolicy({ source: `${text}\n# ${n++}`, file: f }, { parseDsl }), 1, 400);
  for (const id of ids) {
    const yaml = read(`${id}.yaml`);
    const sla = read(`${id}.sla`);
    // rounds interleaved, medians of 7
    const y: number[] = [];
    const d: number[] = [];
    const c: number[] = [];
    const k: number[] = [];
    const loaded = loadPolicy({ source: yaml, file: `${id}.yaml` });
    for (let r = 0; r < 7; r++) {
      y.push((await measure(() => loadPolicy({ source: `${yaml}\n# ${n++}`, file: `${id}.yaml` }), 1, 150)).us);
      d.push((await measure(() => loadPolicy({ source: `${sla}\n# ${n++}`, file: `${id}.sla` }, { parseDsl }), 1, 150)).us);
      c.push((await measure(() => loadPolicy({ source: yaml, file: `${id}.yaml` }), 1, 50)).us);
      k.push((await measure(() => compilePolicy(loaded), 1, 50)).us);
    }
    const med = (l: number[]) => [...l].sort((a, b) => a - b)[3];
    // a file of its own each, so every one is loaded, kept by the cache, compiled and prepared
    const heap = await retainedPerItem((i) => {
      const compiled = compilePolicy(loadPolicy({ source: `${yaml}\n# heap ${i}`, file: `heap-${i}.yaml` }));
      void evaluate(compiled, { at: '2000-01-01T00:00:00Z' } as unknown as Case).catch(() => undefined); // prepares it (the case itself may be refused)
      return compiled;
    });
    if (med(y) > GOAL_US) missed.push(`${id} YAML`);
    if (med(d) > GOAL_US) missed.push(`${id} DSL`);
    rows.push(
      `| ${id} | ${(yaml.length / 1024).toFixed(1)} KB | ${fmtUs(med(y))} | ${fmtUs(med(d))} | ${fmtUs(med(c))} | ${fmtUs(med(k))} | ${fmtBytes(heap)} |`,
    );
  }
  const loadAfter = loadavg()[0];
  return {
    title: 'Loading policies',
    markdown: [
      'Per call, warm, median of 7 interleaved rounds. `loadPolicy` parses, checks the schema and references; a YAML source is read in ' +
        'one pass over its lines on the happy path, and through the `yaml` document model (every guard, every position) only when a guard ' +
        'or a diagnostic needs it. A changed text (a comment appended each call) is loaded in full; an unchanged one is the loaded policy kept ' +
        'from the first load (the latest load of each file is kept, deep-frozen, and reused while its text is unchanged). ' +
        '`compilePolicy` of a loaded policy emits its rules (the checks were made by `loadPolicy`); the playground runs both after each keystroke.',
      '',
      ...rows,
      '',
      `Goal ≤ 5 ms per bundled policy: ${missed.length ? `**missed** for ${missed.join(', ')}` : 'met for every policy and format'}. ` +
        `1-minute load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after on ${cpus().length} cores. ` +
        'Heap per policy: the growth of the heap after full collections, over 20 files holding the policy, each loaded, compiled and prepared ' +
        '(rules as closures, calendars) and held; it includes the source text the cache keeps.',
    ].join('\n'),
  };
}
