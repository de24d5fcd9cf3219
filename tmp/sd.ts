import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { relokiaCase } from '../server/examples.ts';
const batch = { cases: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, relokiaCase])), explain: 'none' };
const server = spawn(process.execPath, ['bin/sla.js', 'serve', '--port', '0', '--log-level', 'debug', '--max-event-loop-delay', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const t0 = performance.now();
const url = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).on('line', (text) => { const l = JSON.parse(text); if (!/incoming|request$/.test(l.msg)) console.log(Math.round(performance.now()-t0), l.msg); const m = /^listening on (\S+)$/.exec(l.msg); if (m) resolve(m[1]); }));
server.on('exit', (c) => console.log('exit', c, Math.round(performance.now()-t0)));
while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 50));
console.log('ready', Math.round(performance.now()-t0));
let n = 0;
let t = performance.now();
for (let i = 0; i < 5; i++) { const r = await fetch(`${url}/v1/evaluate/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) }); await r.json(); n++; }
console.log('5 batches in', Math.round(performance.now()-t));
server.kill('SIGTERM');
