// The ticket series of scaling.bench.ts in a process of its own, printed as JSON: scaling.bench.ts
// runs it in several fresh processes (with V8's default young generation and with a larger one),
// because one process's figures depend on what its heap and compiled code happened to become. The
// baseline (a copy of each size's answer) runs in the same process, after the evaluations.
import { copyingAnswers, evaluating, load, relokiaCase, series } from './scaling.bench.ts';

const SIZES = [100, 1000, 10_000];
const relokia = load('relokia');
const evaluated = await series(evaluating(relokia, relokiaCase), SIZES, 7, 300);
const copied = await series(await copyingAnswers(relokia, relokiaCase, SIZES), SIZES, 7, 300);
process.stdout.write(JSON.stringify({ evaluated, copied }));
