// The last long differential run (`npm run fuzz`, which writes bench/fuzz-result.json), reported
// beside the benchmarks; it is not re-run here (10^5 cases take minutes).
import { existsSync, readFileSync } from 'node:fs';
import type { BenchSection } from './measure.ts';

export default async (): Promise<BenchSection> => {
  const file = new URL('./fuzz-result.json', import.meta.url);
  const title = 'Differential run: compiled closures against json-rules-engine';
  if (!existsSync(file)) return { title, markdown: 'No run recorded: `npm run fuzz` writes `bench/fuzz-result.json`.' };
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    date: string;
    seed: number;
    cases: number;
    seconds: number;
    agree: boolean;
    commit?: string;
    policies: { id: string; cases: number; failure: string | null }[];
  };
  const markdown = [
    `\`npm run fuzz\` on ${r.date}${r.commit ? ` at ${r.commit}` : ''} (seed ${r.seed}): **${r.cases.toLocaleString('en')} random cases**, ${r.seconds} s — ` +
      (r.agree ? '**every answer deep-equal under both backends**, explanations included.' : '**the backends disagreed** (see below).'),
    'Each case (random plans, facts, none to hundreds of events, instants near DST changes and holidays ±1 ms) is evaluated by both backends, ' +
      'then again with `at` moved to a deadline or window end of its answer ±1 ms (test/evaluate/backends-agree.ts).',
    '',
    '| policy | cases | result |',
    '| --- | ---: | --- |',
    ...r.policies.map((p) => `| ${p.id} | ${p.cases.toLocaleString('en')} | ${p.failure === null ? 'agree' : `differ: ${p.failure.split('\n')[0]}`} |`),
  ].join('\n');
  return { title, markdown };
};
