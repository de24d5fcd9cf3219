// The case editor in a real browser: plan pickers, the form's event list, and case diagnostics.
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
  await page.getByTestId('deadlines').waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const row = (table: string, text: string) => page.getByTestId(table).locator('tr[data-row]', { hasText: text }).first();
const caseText = async () => (await page.locator('[data-editor=case] .view-lines').textContent())?.replace(/\u00a0/g, ' ');

/** Selects `text` in the case editor with its find widget. */
async function findInCase(text: string) {
  await page.locator('[data-editor=case] .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

describe('case editor', () => {
  test('changing the plan changes the answer', async () => {
    expect(await row('entitlements', 'delta_migration').textContent()).toContain('not in plan');
    await page.getByLabel('plan support').selectOption('signature');
    await expect.poll(() => row('entitlements', 'delta_migration').textContent(), { timeout: 10_000 }).toContain('allowed');
    expect(await caseText()).toContain('support: signature');
    await page.getByLabel('plan support').selectOption('premium');
    await expect.poll(() => row('entitlements', 'delta_migration').textContent(), { timeout: 10_000 }).toContain('not in plan');
  });

  test('the form adds an event, moves it and removes it, and the answer follows', async () => {
    await page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'Form' }).click();
    const events = page.getByTestId('event');
    const count = await events.count();
    expect(count).toBeGreaterThan(2);
    expect(await row('deadlines', 'T-2').textContent()).toContain('pending');

    await page.getByLabel('new event type').selectOption('ticket_answered');
    await page.getByRole('button', { name: 'add event' }).click();
    await expect.poll(() => events.count()).toBe(count + 1);
    await page.getByLabel(`event ${count + 1} ticket`).fill('T-2');
    await page.getByLabel(`event ${count + 1} ticket`).press('Tab');
    await expect.poll(() => row('deadlines', 'T-2').textContent(), { timeout: 10_000 }).toContain('met');
    await screenshot(page, 'case-form');

    await page.getByLabel(`move event ${count + 1} up`).click();
    await expect.poll(() => events.nth(count - 1).locator('.type').textContent()).toBe('ticket_answered');
    await page.getByLabel(`remove event ${count}`).click();
    await expect.poll(() => events.count()).toBe(count);
    await expect.poll(() => row('deadlines', 'T-2').textContent(), { timeout: 10_000 }).toContain('pending');
    await page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'YAML' }).click();
  });

  test('an instant without an offset in the case is marked in the case editor', async () => {
    await findInCase('at: 2025-03-10T12:00:00+02:00');
    await page.keyboard.insertText('at: 2025-03-10T12:00:00');
    const list = page.getByTestId('case-diagnostics');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('offset');
    await expect.poll(() => page.locator('[data-editor=case] .squiggly-error').count()).toBeGreaterThan(0);
    await screenshot(page, 'case-marker');
    await page.keyboard.insertText('+02:00');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(0);
  });

  test('the case editor completes from the policy: plan options', async () => {
    await findInCase('support: premium');
    await page.keyboard.insertText('support: ');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget');
    await expect.poll(() => suggestions.allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toContain('signature');
    await screenshot(page, 'case-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.insertText('premium');
    await expect.poll(() => row('entitlements', 'delta_migration').textContent(), { timeout: 10_000 }).toContain('not in plan');
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
