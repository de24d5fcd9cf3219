#!/usr/bin/env node
// The `sla` command. Its TypeScript sources run as a bundle built by esbuild, which starts in a
// fraction of the time a per-file loader needs. Each build goes to its own folder named for the
// newest source it was built from, so a source edit gives a new build and concurrent runs never
// see a half-written one. Where no build can be made (a read-only install), the sources run
// through tsx's loader instead.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['cli', 'engine', 'dsl']) walk(join(root, dir));
  return Math.floor(newest);
}

async function build() {
  const target = join(dist, `build-${newestSource()}`);
  const entry = join(target, 'sla.mjs');
  if (existsSync(entry)) return entry;
  const { build: esbuild } = await import('esbuild');
  const tmp = join(dist, `tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  await esbuild({
    entryPoints: { sla: join(root, 'cli', 'sla.ts') },
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true, // commands and their dependencies stay lazy, as in the sources
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // cli/ code finds package.json and policies/ relative to itself, wherever the bundle is.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(root, 'cli', 'main.ts')).href) },
    logLevel: 'silent',
  });
  try {
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run built the same sources first
  }
  for (const old of readdirSync(dist))
    if (old.startsWith('build-') && join(dist, old) !== target && Date.now() - statSync(join(dist, old)).mtimeMs > 3_600_000)
      rmSync(join(dist, old), { recursive: true, force: true });
  return entry;
}

let entry;
if (!process.env.SLA_NO_BUNDLE) {
  try {
    mkdirSync(dist, { recursive: true });
    entry = await build();
  } catch {
    entry = undefined;
  }
}
if (entry) await import(pathToFileURL(entry).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/sla.ts');
}
