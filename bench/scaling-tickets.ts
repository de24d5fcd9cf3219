// The ticket series of scaling.bench.ts in a process of its own, printed as JSON: scaling.bench.ts
// runs it in several fresh processes (with V8's default young generation and with a larger one),
// because one process's figures depend on what its heap and compiled code happened to become.
import { load, relokiaCase, series } from './scaling.bench.ts';

process.stdout.write(JSON.stringify(await series(load('relokia'), [100, 1000, 10_000], relokiaCase, 7, 300)));
