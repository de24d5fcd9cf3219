// Runs the `sla` command and collects what a user would see: in-process by default (the CLI's
// `main` has no side effects), or as the real executable (node bin/sla.js) where the test is about
// the process itself.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, reportError } from '../../cli/main.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'sla.js');

export interface SlaRun {
  code: number;
  stdout: string;
  stderr: string;
}

let running: Promise<unknown> = Promise.resolve();

/** `sla …` in this process, its output captured (runs one at a time: it borrows process.stdout). */
export function runSla(args: string[], options: { cwd?: string } = {}): Promise<SlaRun> {
  const run = running.then(() => runInProcess(args, options));
  running = run.catch(() => undefined);
  return run;
}

async function runInProcess(args: string[], options: { cwd?: string }): Promise<SlaRun> {
  const captured = { stdout: '', stderr: '' };
  const streams = { stdout: process.stdout, stderr: process.stderr } as const;
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of ['stdout', 'stderr'] as const)
    streams[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  const env = { NO_COLOR: process.env.NO_COLOR, SLA_DEBUG: process.env.SLA_DEBUG };
  process.env.NO_COLOR = '1';
  delete process.env.SLA_DEBUG;
  const cwd = process.cwd();
  process.chdir(options.cwd ?? ROOT);
  let code: number;
  try {
    code = await main(args);
  } catch (e) {
    code = reportError(e);
  } finally {
    process.chdir(cwd);
    streams.stdout.write = writes.stdout;
    streams.stderr.write = writes.stderr;
    for (const [k, v] of Object.entries(env))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
  return { code, ...captured };
}

/** The real executable in a child process (needs the build: `npm run build`). */
export function runSlaProcess(args: string[], options: { cwd?: string } = {}): Promise<SlaRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.SLA_DEBUG;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh folder holding the given files (name → content). */
export function tempFiles(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A stack frame line, which a user must never see. */
export const STACK_FRAME = /^\s+at .+[(:]\d+/m;
