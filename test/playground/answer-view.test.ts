// The answer view in a real browser: explanations with their clause text in each language (Persian
// right to left), the conditions that decided, and warnings.
import { describe, expect, test } from 'vitest';
import { answerRow, focusEditor, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();

describe('answer view', () => {
  test('deadlines show their status and the time left in words', async () => {
    const t2 = await answerRow(pg.page, 'deadlines', 'T-2').textContent();
    expect(t2).toContain('pending');
    expect(t2).toContain('in 21 h 15 min');
    const reMigration = await answerRow(pg.page, 'entitlements', 're_migration').textContent();
    expect(reMigration).toContain('0 USD');
    // the reasons name instants as the other cells do, not as the answer's JSON writes them
    expect(reMigration).toContain('open until 2025-03-10 18:00 +02:00');
    expect(reMigration).not.toContain('T18:00:00.000');
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
  });

  test('a Latin word in Persian text is isolated and stands in its place, read right to left', async () => {
    await answerRow(pg.page, 'entitlements', 'ticket_support').click();
    const quote = pg.page.getByTestId('explanation').locator('blockquote');
    await expect.poll(() => quote.locator('bdi').allTextContents(), { timeout: 10_000 }).toEqual(['crmonline']);
    expect(await quote.locator('bdi').getAttribute('dir')).toBe('ltr');
    // "… سرویس crmonlineو …": the word before it stands to its right, the letter after it to its left
    const placed = await quote.evaluate((q) => {
      const bdi = q.querySelector('bdi')!;
      const box = bdi.getBoundingClientRect();
      const before = bdi.previousSibling as Text;
      const after = bdi.nextSibling as Text;
      const range = document.createRange();
      range.setStart(before, before.length - 6);
      range.setEnd(before, before.length - 1);
      const word = range.getBoundingClientRect();
      range.setStart(after, 0);
      range.setEnd(after, 1);
      const letter = range.getBoundingClientRect();
      return { word: before.data.slice(-6, -1), rightOfIt: word.left >= box.right - 1, letter: after.data[0], leftOfIt: letter.right <= box.left + 1 };
    });
    expect(placed).toEqual({ word: 'سرویس', rightOfIt: true, letter: 'و', leftOfIt: true });
    await screenshot(pg.page, 'answer-persian-latin');
    await pg.page.getByLabel('language').selectOption('en');
    await expect.poll(() => quote.getAttribute('dir'), { timeout: 10_000 }).toBe('ltr');
  });

  test('a ledger entitlement lists its pools under its row, an expired one with what it lost', async () => {
    await pg.page.getByLabel('bundled policy').selectOption('crmonline');
    await expect.poll(() => pg.page.locator('.meta').textContent(), { timeout: 10_000 }).toContain('crmonline');
    await focusEditor(pg.page, 'case');
    await pg.page.keyboard.press('Control+a');
    // one line per key, each value in flow style: nothing for the editor to indent
    await pg.page.keyboard.insertText(
      [
        'policy: crmonline',
        'at: 2025-06-01T10:00:00+03:30',
        'plans: { support: package }',
        'events: [{ type: package_purchased, at: 2024-05-01T10:00:00+03:30, hours: 10 }, ' +
          '{ type: package_purchased, at: 2024-09-01T10:00:00+03:30, hours: 2 }, ' +
          '{ type: support_time_used, at: 2024-09-10T10:00:00+03:30, hours: 2 }]',
      ].join('\n'),
    );
    const pools = answerRow(pg.page, 'entitlements', 'package_hours').getByTestId('pools');
    await expect.poll(() => pools.textContent(), { timeout: 10_000 }).toContain('8 lost');
    const [expired, held] = await pools.locator('li').allTextContents();
    expect(expired).toBe('0 of 10 · package_purchased 2024-05-01 10:00 +03:30 · expired 2025-05-02 10:00 +03:30, 8 lost');
    expect(held).toMatch(/^2 of 2 · package_purchased 2024-09-01 10:00 \+03:30 · expires 2025-09-02 10:00 \+03:30 \(in .+\)$/);
    expect(await answerRow(pg.page, 'entitlements', 'package_hours').textContent()).toContain('2 of 2');
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
