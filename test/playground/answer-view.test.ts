// The answer view in a real browser: explanations with their clause text in each language (Persian
// right to left), the conditions that decided, and warnings.
import { describe, expect, test } from 'vitest';
import { answerRow, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();

describe('answer view', () => {
  test('deadlines show their status and the time left in words', async () => {
    const t2 = await answerRow(pg.page, 'deadlines', 'T-2').textContent();
    expect(t2).toContain('pending');
    expect(t2).toContain('in 21 h 15 min');
    expect(await answerRow(pg.page, 'entitlements', 're_migration').textContent()).toContain('0 USD');
  });

  test('a row opens the clause it comes from, with the conditions that decided, in the chosen language', async () => {
    await answerRow(pg.page, 'entitlements', 'delta_migration').click();
    const explanation = pg.page.getByTestId('explanation');
    await explanation.waitFor();
    expect(await explanation.locator('blockquote').getAttribute('lang')).toBe('en');
    expect(await explanation.locator('table.conditions').textContent()).toContain('"premium"');
    await pg.page.getByLabel('language').selectOption('uk');
    await expect.poll(() => explanation.locator('blockquote').getAttribute('lang'), { timeout: 10_000 }).toBe('uk');
    expect(await explanation.locator('blockquote').textContent()).toMatch(/[а-яіїє]/);
    await screenshot(pg.page, 'answer-explanation-uk');
  });

  test("the explanation's link selects the rule in the policy editor", async () => {
    await pg.page.getByTestId('explanation').getByRole('button', { name: 'show the rule in the policy' }).click();
    // the rule for delta_migration is in view, its first line selected
    const selected = pg.page.locator('[data-editor=policy] .view-line', { hasText: 'id: delta_migration' });
    await expect.poll(() => selected.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => pg.page.locator('[data-editor=policy] .selected-text').count()).toBeGreaterThan(0);
  });

  test('Persian clause text reads right to left', async () => {
    await pg.page.getByLabel('bundled policy').selectOption('crmonline');
    await pg.page.getByLabel('language').selectOption('fa');
    await expect.poll(() => pg.page.locator('.meta').textContent(), { timeout: 10_000 }).toContain('crmonline');
    await answerRow(pg.page, 'deadlines', 'first_response').click();
    const quote = pg.page.getByTestId('explanation').locator('blockquote');
    await expect.poll(() => quote.getAttribute('dir'), { timeout: 10_000 }).toBe('rtl');
    expect(await quote.textContent()).toMatch(/[\u0600-\u06FF]/);
    await screenshot(pg.page, 'answer-persian');
    await pg.page.getByLabel('language').selectOption('en');
    await expect.poll(() => quote.getAttribute('dir'), { timeout: 10_000 }).toBe('ltr');
  });

  test('an amount shows the discount and the price it applies to, and opens its clause', async () => {
    await pg.page.getByLabel('bundled policy').selectOption('relokia');
    const row = answerRow(pg.page, 'amounts', 'migration_discount');
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('0%');
    expect(await row.textContent()).toContain('migration_list_price');
    await row.click();
    const explanation = pg.page.getByTestId('explanation');
    await explanation.waitFor();
    expect(await explanation.locator('blockquote').textContent()).toContain('choose the one with the highest discount');
    await row.click();
  });

  test('events after `at` are listed as warnings', async () => {
    await pg.page.getByLabel('bundled policy').selectOption('relokia');
    await pg.page.getByTestId('deadlines').waitFor();
    await pg.page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'Form' }).click();
    await pg.page.getByLabel('at', { exact: true }).fill('2025-03-06T12:00:00+02:00');
    await pg.page.getByLabel('at', { exact: true }).press('Tab');
    const warnings = pg.page.getByTestId('warnings');
    await expect.poll(() => warnings.textContent(), { timeout: 10_000 }).toContain('ticket_opened');
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
