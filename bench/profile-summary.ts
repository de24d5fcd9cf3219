// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per origin
// (a package in node_modules, a folder of this repository, or Node/V8 itself).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
if (!file) throw new Error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]');
const prof = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function origin(url: string, name: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const repo = /^file:\/\/.*?\/((?:engine|dsl|cli|bench)(?:\/[^/]+(?=\/))?)/.exec(url);
  if (repo) return repo[1];
  if (url.startsWith('node:')) return 'node internals';
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)' || name === '(root)') return name;
  return url ? url : 'V8 / builtins';
}

const fns = new Map<string, number>();
const origins = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const { functionName, url, lineNumber } = n.callFrame;
  const short = url.replace(/^.*\/(node_modules\/)?/, '');
  const key = `${functionName || '(anonymous)'}  ${short ? `${short}:${lineNumber + 1}` : ''}  [${origin(url, functionName)}]`;
  fns.set(key, (fns.get(key) ?? 0) + t);
  const o = origin(url, functionName);
  origins.set(o, (origins.get(o) ?? 0) + t);
}
const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms\n\nself time by origin:`);
for (const [o, t] of [...origins].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(t)}  ${o}`);
console.log(`\ntop ${top} functions by self time:`);
for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(t)}  ${k}`);
