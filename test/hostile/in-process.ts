// Runs `sla` in this process (cli/main.ts, errors reported as bin/sla.js does) and collects what it writes, so hostile inputs
// are cheap to try by the dozen; plus the checks every hostile test makes of that output.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { main, reportError } from '../../cli/main.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One `sla …` run; stdout and stderr are captured while it runs (runs must not overlap). */
export async function sla(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const write = (into: string[]) => (chunk: unknown) => (
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')),
    true
  );
  const [stdoutWrite, stderrWrite] = [process.stdout.write, process.stderr.write];
  process.stdout.write = write(out) as typeof process.stdout.write;
  process.stderr.write = write(err) as typeof process.stderr.write;
  try {
    const code = await main(argv).catch((e: unknown) => reportError(e));
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}

/** A fresh folder holding the given files (name → content); returns its path. */
export function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sla-hostile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

// Control characters a terminal would act on. RLI and PDI (U+2067, U+2069) are the report's own
// isolates around right-to-left text.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066\u2068]/u;

/** Nothing printed raw, no stack trace, no "internal error". */
export function expectCleanOutput(run: Run): void {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toMatch(RAW);
    expect(text).not.toMatch(/^\s+at .+[(:]\d+/m);
    expect(text).not.toMatch(/internal error/);
  }
}

/** The diagnostics lines `file:line:column: error CODE …` of a run's output. */
export function diagnosticLines(run: Run): string[] {
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => / (error|warning) SLA\d{4} /.test(l));
}
