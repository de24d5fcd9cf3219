// `sla serve` as a real process under load: SIGTERM stops it accepting, every request it had
// accepted gets its full answer, and it exits 0.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect, it, onTestFinished } from 'vitest';
import { relokiaCase } from '../../server/examples.ts';
import { ROOT } from '../cli/run-sla.ts';

interface LogLine {
  msg: string;
  request_id?: string;
  status?: number;
}

const batch = { cases: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, relokiaCase])), explain: 'none' };

it('SIGTERM during load loses no accepted request, then the process exits 0', async () => {
  const server = spawn(process.execPath, ['bin/sla.js', 'serve', '--port', '0', '--log-level', 'debug', '--max-event-loop-delay', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  });
  const lines: LogLine[] = [];
  let stderr = '';
  server.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      const m = /^listening on (http:\/\/\S+)$/.exec(line.msg);
      if (m) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
  while (
    !(await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 50));

  // 8 clients, each with a request always in flight, until the server stops answering
  let signalled = false;
  let completed = 0;
  const answered = new Map<string, { inFlightAtSignal: boolean }>();
  const failed = new Set<string>();
  let next = 0;
  const client = async () => {
    for (let i = 0; i < 200; i++) {
      const id = `req-${next++}`;
      const startedBefore = !signalled;
      try {
        const r = await fetch(`${url}/v1/evaluate/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': id },
          body: JSON.stringify(batch),
        });
        const body = (await r.json()) as { results: Record<string, { answer?: unknown }> };
        expect(r.status).toBe(200);
        expect(Object.values(body.results).every((x) => x.answer !== undefined)).toBe(true);
        answered.set(id, { inFlightAtSignal: startedBefore && signalled });
        if (++completed === 24) {
          signalled = true;
          server.kill('SIGTERM');
        }
      } catch (e) {
        if (!signalled) throw e;
        failed.add(id);
        return; // the server has stopped accepting
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  expect(await exited).toBe(0);

  const accepted = lines.filter((l) => l.msg === 'incoming request' && l.request_id?.startsWith('req-')).map((l) => l.request_id!);
  expect(accepted.length).toBeGreaterThanOrEqual(24);
  // every request the server accepted was answered in full; what failed, it never accepted
  expect(accepted.filter((id) => !answered.has(id))).toEqual([]);
  expect([...failed].filter((id) => accepted.includes(id))).toEqual([]);
  // and some were in flight when the signal came
  expect([...answered.values()].filter((a) => a.inFlightAtSignal).length).toBeGreaterThan(0);
  expect(lines.map((l) => l.msg)).toContain('stopped');
  expect(stderr).toBe('');
}, 60_000);
