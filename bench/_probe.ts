import { readFileSync } from 'node:fs';
import { loadPolicy, evaluate, parseCaseSource } from '../engine/index.ts';
const p = loadPolicy({ source: readFileSync(new URL('../policies/relokia.yaml', import.meta.url), 'utf8'), file: 'relokia.yaml' });
const c = parseCaseSource(readFileSync(new URL('./fixtures/relokia-realistic-case.yaml', import.meta.url), 'utf8')).value;
const a = await evaluate(p, c);
console.log(JSON.stringify({ ...a, explanations: Object.keys(a.explanations) }, null, 1));
