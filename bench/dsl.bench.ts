// The DSL front end: per-call cost for each bundled policy (the playground checks on every
// keystroke, goal ≤ 5 ms), and parsing throughput on a large synthetic policy.
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseDsl, printDsl, MAX_SOURCE_CHARS } from '../dsl/index.ts';
import { lex } from '../dsl/lexer.ts';
import { PolicyParser } from '../dsl/parser.ts';
import { compilePolicy, loadPolicy } from '../engine/index.ts';
import type { Policy } from '../engine/ir/schema.ts';
import { fmtUs, measure, type BenchSection } from './measure.ts';

const dir = new URL('../policies/', import.meta.url);
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

/** a policy of nearly 1 MB: the bundled ones' deadlines, entitlements and clauses, many times over */
function syntheticPolicy(bases: Policy[]): string {
  const big: Policy = { ...bases[0], deadlines: [], entitlements: [], clauses: { ...bases[0].clauses } };
  let text = printDsl(big);
  for (let k = 0; text.length < MAX_SOURCE_CHARS * 0.9; k++) {
    for (const p of bases) {
      big.deadlines!.push(...(p.deadlines ?? []).map((d) => ({ ...d, id: `${d.id}_${k}` })));
      big.entitlements!.push(...(p.entitlements ?? []).map((e) => ({ ...e, id: `${e.id}_${k}` })));
      for (const [id, c] of Object.entries(p.clauses)) big.clauses[`${id}-${k}`] = c;
    }
    text = printDsl(big);
  }
  while (text.length > MAX_SOURCE_CHARS) {
    big.deadlines!.pop();
    text = printDsl(big);
  }
  return text;
}

export default async function dslBench(): Promise<BenchSection> {
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.sla'))
    .map((f) => f.replace(/\.sla$/, ''))
    .sort();
  const rows: string[] = [
    '| policy | .sla size | parse + lower | + validate + compile (loadPolicy + compilePolicy, .sla) | same from .yaml |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const bases: Policy[] = [];
  for (const id of ids) {
    const sla = read(`${id}.sla`);
    const yaml = read(`${id}.yaml`);
    const parsed = parseDsl(sla, { file: `${id}.sla` });
    if (!parsed.policy) throw new Error(`${id}.sla: ${JSON.stringify(parsed.diagnostics)}`);
    bases.push(parsed.policy);
    const parse = await measure(() => parseDsl(sla, { file: `${id}.sla` }));
    // a different text every call, so loadPolicy's cache of unchanged sources is not what is timed
    let n = 0;
    const full = await measure(() => compilePolicy(loadPolicy({ source: `${sla}\n# ${n++}`, file: `${id}.sla` }, { parseDsl })));
    const fromYaml = await measure(() => compilePolicy(loadPolicy({ source: `${yaml}\n# ${n++}`, file: `${id}.yaml` })));
    rows.push(`| ${id} | ${(sla.length / 1024).toFixed(1)} KB | ${fmtUs(parse.us)} | ${fmtUs(full.us)} | ${fmtUs(fromYaml.us)} |`);
  }

  const big = syntheticPolicy(bases);
  const bigParsed = parseDsl(big);
  if (!bigParsed.policy) throw new Error(`synthetic policy: ${JSON.stringify(bigParsed.diagnostics.slice(0, 3))}`);
  const mb = new TextEncoder().encode(big).length / 1e6;
  const lexing = await measure(() => lex(big), 5, 300);
  const whole = await measure(() => parseDsl(big), 5, 300);
  const recovering = await measure(() => parseDsl(big, { recover: true }), 5, 300);
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) new PolicyParser(false);
  const construct = ((performance.now() - t0) / 5) * 1000;
  const mbps = (us: number) => (mb / (us / 1e6)).toFixed(1);

  const markdown = [
    'Per call, warm (the parser is built once per process):',
    '',
    ...rows,
    '',
    `Throughput on a synthetic policy of ${mb.toFixed(2)} MB (${bigParsed.policy.deadlines!.length} deadlines, ${bigParsed.policy.entitlements!.length} entitlements, ${Object.keys(bigParsed.policy.clauses).length} clauses):`,
    '',
    '| stage | time | throughput |',
    '| --- | ---: | ---: |',
    `| lexing | ${fmtUs(lexing.us)} | ${mbps(lexing.us)} MB/s |`,
    `| lexing + parsing + lowering (fail-fast) | ${fmtUs(whole.us)} | ${mbps(whole.us)} MB/s |`,
    `| lexing + parsing + lowering (recovering, as in the editor) | ${fmtUs(recovering.us)} | ${mbps(recovering.us)} MB/s |`,
    '',
    `Building the parser (grammar analysis, once per process): ${fmtUs(construct)}.`,
    '',
    `Load average during the run: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (other processes share the machine; figures grow with it).`,
  ].join('\n');
  return { title: 'DSL front end', markdown };
}
