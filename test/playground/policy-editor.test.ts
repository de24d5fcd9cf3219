// The policy editor in a real browser: a bundled policy opens with its answers; a misspelled event
// name gets a marker with the suggestion, which the quick fix applies; YAML ↔ DSL conversion.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureBuilt, launch, openPage, screenshot, servePlayground } from './harness.ts';

let server: Awaited<ReturnType<typeof servePlayground>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ensureBuilt();
  server = await servePlayground();
  browser = await launch();
  ({ page, errors } = await openPage(browser, server.url));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Finds `text` in the editor with the find widget, leaving it selected. */
async function select(editor: string, text: string) {
  await page.locator(`[data-editor=${editor}] .view-lines`).click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

const status = () => page.getByTestId('policy-status');
/** the editor's visible text (Monaco renders spaces as no-break spaces) */
const visibleText = async (editor: string) => (await page.locator(`[data-editor=${editor}] .view-lines`).textContent())?.replace(/\u00a0/g, ' ');

describe('policy editor', () => {
  test('a bundled policy opens with its answers', async () => {
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toBe('checks');
    const deadlines = page.getByTestId('deadlines');
    await deadlines.waitFor();
    expect(await deadlines.locator('tr', { hasText: 'T-2' }).textContent()).toContain('pending');
    await screenshot(page, 'policy-editor');
  });

  test('a misspelled event name is marked on its span with the suggestion, and the quick fix repairs it', async () => {
    await select('policy', 'stop: { event: ticket_answered }');
    await page.keyboard.insertText('stop: { event: ticket_answerd }');
    const list = page.getByTestId('policy-diagnostics');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('unknown event type `ticket_answerd`');
    expect(await list.textContent()).toContain('did you mean `ticket_answered`?');
    // the marker underlines the misspelled word
    const squiggle = page.locator('[data-editor=policy] .squiggly-error');
    await expect.poll(() => squiggle.count()).toBeGreaterThan(0);
    await screenshot(page, 'policy-marker');

    await page.locator('[data-editor=policy] .view-line', { hasText: 'ticket_answerd' }).click();
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget').getByText('Change to `ticket_answered`');
    await fix.click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toBe('checks');
    expect(await list.count()).toBe(0);
  });

  test('the policy switches to the DSL and back, and still answers the same', async () => {
    const before = await page.getByTestId('deadlines').textContent();
    await page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'DSL' }).click();
    await expect.poll(() => visibleText('policy')).toContain('policy relokia');
    await expect.poll(() => status().textContent()).toBe('checks');
    expect(await page.getByTestId('deadlines').textContent()).toBe(before);
    await screenshot(page, 'policy-dsl');
    await page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'YAML' }).click();
    await expect.poll(() => visibleText('policy')).toContain('id: relokia');
    await expect.poll(() => status().textContent()).toBe('checks');
  });

  test('an unknown key is marked, with the key it was probably meant to be', async () => {
    await select('policy', 'zone: Europe/Kyiv');
    await page.keyboard.insertText('zonee: Europe/Kyiv');
    await expect.poll(() => page.getByTestId('policy-diagnostics').textContent(), { timeout: 10_000 }).toContain('unknown property `zonee` — did you mean `zone`?');
    await select('policy', 'zonee: Europe/Kyiv');
    await page.keyboard.insertText('zone: Europe/Kyiv');
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toBe('checks');
  });

  test('hovering a key of the YAML form shows its description from the policy schema', async () => {
    await page.locator('[data-editor=policy] .view-line', { hasText: 'zone: Europe/Kyiv' }).first().getByText('zone').first().hover();
    await expect.poll(() => page.locator('.monaco-hover').allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toContain('an IANA time zone such as Europe/Kyiv');
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
