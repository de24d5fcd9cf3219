// The playground's engine work in Node: the check behind every keystroke for each bundled policy
// (parse + schema + references + compile, as the worker runs it), evaluations per second while
// scrubbing, and the look-ahead for the next change. What the page loads and how it feels in the
// browser: playground-browser.bench.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changes } from '../engine/changes/index.ts';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource, type Case } from '../engine/index.ts';
import { checkAndCompile } from '../playground/src/worker/load.ts';
import { fmtUs, measure, type BenchSection } from './measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export default async function playgroundBench(): Promise<BenchSection> {
  const ids = readdirSync(join(root, 'policies'))
    .filter((f) => f.endsWith('.sla'))
    .map((f) => f.replace(/\.sla$/, ''))
    .sort();
  const check = ['| policy | keystroke → diagnostics, YAML | same, DSL |', '| --- | --- | --- |'];
  for (const id of ids) {
    const yaml = readFileSync(join(root, 'policies', `${id}.yaml`), 'utf8');
    const dsl = readFileSync(join(root, 'policies', `${id}.sla`), 'utf8');
    // a different text every call, as after a keystroke (the worker reuses a result only for the same text)
    let n = 0;
    const y = await measure(() => checkAndCompile({ source: `${yaml}\n# ${n++}`, format: 'yaml' }), 5);
    const d = await measure(() => checkAndCompile({ source: `${dsl}\n# ${n++}`, format: 'dsl' }), 5);
    check.push(`| ${id} | ${fmtUs(y.us)} | ${fmtUs(d.us)} |`);
  }

  const policy = compilePolicy(loadPolicy({ source: readFileSync(join(root, 'policies/relokia.yaml'), 'utf8'), file: 'relokia.yaml' }));
  const kase = parseCaseSource(readFileSync(join(root, 'examples/relokia-case.yaml'), 'utf8')).value as Case;
  const start = Date.parse(kase.at);
  let minute = 0;
  const scrub = await measure(() => evaluate(policy, { ...kase, at: new Date(start + (minute++ % 2880) * 60_000).toISOString() }), 5);
  const next = await measure(() => changes(policy, kase, kase.at, new Date(start + 30 * 86_400_000).toISOString(), { limit: 1 }), 5, 300);

  return {
    title: 'Playground',
    markdown: [
      'The check the worker runs after each keystroke: `loadPolicy` + `compilePolicy` of the changed text (parse, schema, references, compile; goal ≤ 50 ms), in Node, by bundled policy' +
        ` (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores while measuring):`,
      '',
      ...check,
      '',
      `Scrubbing \`at\` over examples/relokia-case.yaml (relokia, 7 events): ${fmtUs(scrub.us)} per evaluation, ` +
        `${Math.round(1e6 / scrub.us)} evaluations a second. The next change after \`at\` (\`changes\` with limit 1, 30 days ahead): ${fmtUs(next.us)}.`,
    ].join('\n'),
  };
}
