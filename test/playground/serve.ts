// The built playground in Debian's chromium, for the browser tests and the browser benchmark: builds
// it when its sources are newer than the build, serves it with `sla serve` (the HTTP API's server,
// which serves the playground at /), and opens pages that collect console errors.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(repo, 'dist/playground');
export const screenshots = join(repo, '.ci/artifacts/screenshots');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(
    s.mtimeMs,
    ...readdirSync(path)
      .filter((f) => f !== 'node_modules')
      .map((f) => newest(join(path, f))),
  );
}

/** Builds dist/playground unless it is newer than everything it is built from. */
export function ensureBuilt(): void {
  const built = join(dist, 'index.html');
  const sources = ['playground', 'engine', 'dsl', 'policies', 'examples', 'package-lock.json'].map((p) => newest(join(repo, p)));
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources)) return;
  // one build at a time when several test files start together
  const lock = join(repo, 'dist/.playground-build-lock');
  mkdirSync(join(repo, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources)) return;
    // built beside and moved into place, so that nothing (npm pack in another test) sees half a build
    const fresh = join(repo, 'dist/.playground-build');
    const r = spawnSync('npx', ['vite', 'build', '--config', 'playground/vite.config.ts', '--outDir', fresh, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: repo,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`playground build failed:\n${r.stdout}\n${r.stderr}`);
    rmSync(dist, { recursive: true, force: true });
    renameSync(fresh, dist);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Starts `sla serve` on a free loopback port (it serves dist/playground/ at /); resolves to its URL
 *  and a way to stop it. */
export async function servePlayground(): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(repo, 'bin/sla.js'), 'serve', '--host', '127.0.0.1', '--port', '0'], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sla serve did not start:\n${out}`)), 60_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s"]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(`${m[1]}/`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`sla serve exited (${code}):\n${out}`)));
  });
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh page that records every console error and uncaught exception in `errors`. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** Waits until both editors show their text (Monaco loads after the rest of the first screen). */
export async function editorsShown(page: Page): Promise<void> {
  for (const editor of ['policy', 'case']) await page.locator(`[data-editor=${editor}] .view-line`).first().waitFor({ timeout: 60_000 });
}

/** Clicks into an editor's visible text, as a user would to give it the keyboard. Not the centre of
 *  `.view-lines` or of a `.view-line`: Monaco makes those as tall as the document and a million
 *  pixels wide, so reaching their centre scrolls the editor and the click can land past the text. */
export async function focusEditor(page: Page, editor: string): Promise<void> {
  await page.locator(`[data-editor=${editor}] .monaco-editor`).click({ position: { x: 200, y: 20 } });
}

/** Selects the first `text` in an editor with its find widget, as a user would. */
export async function findInEditor(page: Page, editor: string, text: string): Promise<void> {
  // Monaco may not take a key yet (still loading, or the click landed before it had the focus):
  // typing before its find widget has the focus would edit the policy, so ask again until it has
  const findFocused = (e: string) => document.activeElement?.closest(`[data-editor=${e}] .find-widget`) != null;
  for (let attempt = 1; ; attempt++) {
    await focusEditor(page, editor);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    try {
      await page.waitForFunction(findFocused, editor, { timeout: 3_000 });
      break;
    } catch (e) {
      if (attempt === 5) throw e;
    }
  }
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForFunction((e) => document.activeElement?.closest(`[data-editor=${e}] .find-widget`) == null, editor);
}
