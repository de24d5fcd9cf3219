// The package as a user installs it: `npm pack`, installed into an empty folder, used from plain
// Node ESM (no TypeScript loader) as a library and as the `sla` command.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sla-package-'));
  // `npm pack` packs what `files` lists from the build that `npm test` has just made.
  npm(['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, tarball)], dir);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships built JavaScript and types, no TypeScript sources or tests', () => {
    const listing = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
    const files = (JSON.parse(listing) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['dist/engine/index.js', 'dist/engine/index.d.ts', 'dist/dsl/index.js', 'bin/sla.js', 'policies/relokia.yaml']),
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('test/'))).toEqual([]);
  });

  it('answers a case from plain Node ESM, YAML and DSL policies alike', () => {
    writeFileSync(
      join(dir, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { compilePolicy, evaluate, loadPolicy, policyDigest } from 'sla-policy-engine';
import { parseDsl } from 'sla-policy-engine/dsl';
const root = 'node_modules/sla-policy-engine/policies/';
const yaml = compilePolicy(loadPolicy({ source: readFileSync(root + 'relokia.yaml', 'utf8'), file: 'relokia.yaml' }));
const dsl = compilePolicy(loadPolicy({ source: readFileSync(root + 'relokia.sla', 'utf8'), file: 'relokia.sla' }, { parseDsl }));
const answer = await evaluate(yaml, {
  at: '2025-07-09T10:00:00+03:00',
  plans: { support: 'signature' },
  facts: { migration_price: 1000 },
  events: [{ type: 'full_migration_completed', at: '2025-07-01T12:00:00+03:00' }],
});
const re = answer.entitlements.find((e) => e.id === 're_migration');
console.log(JSON.stringify({ allowed: re.allowed, until: re.until, same: (await policyDigest(yaml)) === (await policyDigest(dsl)) }));
`,
    );
    expect(JSON.parse(node(['use.mjs']))).toEqual({ allowed: true, until: '2025-07-11T12:00:00.000+03:00', same: true });
  });

  it('runs the sla command from the installed package', () => {
    const out = node(['node_modules/.bin/sla', 'check', 'node_modules/sla-policy-engine/policies/relokia.yaml']);
    expect(out).toMatch(/relokia\.yaml: ok \(relokia /);
  });

  it('answers a batch on worker threads from the installed package', () => {
    const kase = { policy: 'relokia', at: '2025-07-09T10:00:00+03:00', plans: { support: 'signature' }, facts: { migration_price: 1000 } };
    writeFileSync(join(dir, 'cases.ndjson'), `${JSON.stringify(kase)}\n${JSON.stringify({ ...kase, at: 'noon' })}\n`);
    const run = spawnSync(process.execPath, ['node_modules/.bin/sla', 'eval', '--batch', 'cases.ndjson', '--json', '--workers', '1'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const [answer, invalid] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answer.policy.id).toBe('relokia');
    expect(invalid.errors.map((e: { code: string; line: number }) => [e.code, e.line])).toEqual([['SLA4003', 2]]);
    expect(run.status).toBe(1);
  });
});
