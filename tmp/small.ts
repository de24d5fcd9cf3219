import { readFileSync } from 'node:fs';
import { compilePolicy, evaluate, loadPolicy, parseCaseSource } from '../engine/index.ts';
import { measure } from '../bench/measure.ts';
const kase = parseCaseSource(readFileSync('examples/relokia-case.yaml', 'utf8')).value;
const big = parseCaseSource(readFileSync('bench/fixtures/relokia-realistic-case.yaml', 'utf8')).value;
const compiled = compilePolicy(loadPolicy({ source: readFileSync('policies/relokia.yaml', 'utf8'), file: 'relokia.yaml' }));
console.log('small', (await measure(() => evaluate(compiled, kase), 5, 300)).us, 'big', (await measure(() => evaluate(compiled, big), 5, 300)).us);
