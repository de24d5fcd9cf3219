// The ticket series of scaling.bench.ts alone, printed as JSON: run by it in a process started with
// a larger young generation, to compare with the default.
import { load, relokiaCase, series } from './scaling.bench.ts';

process.stdout.write(JSON.stringify(await series(load('relokia'), [100, 1000, 10_000], relokiaCase, 9, 300)));
