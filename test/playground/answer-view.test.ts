// The answer view in a real browser: explanations with their clause text in each language (Persian
// right to left), the conditions that decided, and warnings.
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

describe('answer view', () => {
  test('deadlines show their status and the time left in words', async () => {
    const t2 = await row('deadlines', 'T-2').textContent();
    expect(t2).toContain('pending');
    expect(t2).toContain('in 21 h 15 min');
    expect(await row('entitlements', 're_migration').textContent()).toContain('0 USD');
  });

  test('a row opens the clause it comes from, with the conditions that decided, in the chosen language', async () => {
    await row('entitlements', 'delta_migration').click();
    const explanation = page.getByTestId('explanation');
    await explanation.waitFor();
    expect(await explanation.locator('blockquote').getAttribute('lang')).toBe('en');
    expect(await explanation.locator('table.conditions').textContent()).toContain('"premium"');
    await page.getByLabel('language').selectOption('uk');
    await expect.poll(() => explanation.locator('blockquote').getAttribute('lang'), { timeout: 10_000 }).toBe('uk');
    expect(await explanation.locator('blockquote').textContent()).toMatch(/[а-яіїє]/);
    await screenshot(page, 'answer-explanation-uk');
  });

  test('Persian clause text reads right to left', async () => {
    await page.getByLabel('bundled policy').selectOption('crmonline');
    await page.getByLabel('language').selectOption('fa');
    await expect.poll(() => page.locator('.meta').textContent(), { timeout: 10_000 }).toContain('crmonline');
    await row('deadlines', 'first_response').click();
    const quote = page.getByTestId('explanation').locator('blockquote');
    await expect.poll(() => quote.getAttribute('dir'), { timeout: 10_000 }).toBe('rtl');
    expect(await quote.textContent()).toMatch(/[\u0600-\u06FF]/);
    await screenshot(page, 'answer-persian');
    await page.getByLabel('language').selectOption('en');
    await expect.poll(() => quote.getAttribute('dir'), { timeout: 10_000 }).toBe('ltr');
  });

  test('events after `at` are listed as warnings', async () => {
    await page.getByLabel('bundled policy').selectOption('relokia');
    await page.getByTestId('deadlines').waitFor();
    await page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'Form' }).click();
    await page.getByLabel('at', { exact: true }).fill('2025-03-06T12:00:00+02:00');
    await page.getByLabel('at', { exact: true }).press('Tab');
    const warnings = page.getByTestId('warnings');
    await expect.poll(() => warnings.textContent(), { timeout: 10_000 }).toContain('ticket_opened');
  });

  test('no console errors', () => {
    expect(errors).toEqual([]);
  });
});
