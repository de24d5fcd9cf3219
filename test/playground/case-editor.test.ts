// The case editor in a real browser: plan pickers, the form's event list, and case diagnostics.
import { describe, expect, test } from 'vitest';
import { answerRow, editorText, findInEditor, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();

// A row polled for may be gone for a moment while the case is re-answered: each read waits at most
// a second, so the poll asks again instead of one read waiting out the whole test.
describe('case editor', () => {
  test('changing the plan changes the answer', async () => {
    expect(await answerRow(pg.page, 'entitlements', 'delta_migration').textContent()).toContain('not in plan');
    await pg.page.getByLabel('plan support').selectOption('signature');
    await expect.poll(() => answerRow(pg.page, 'entitlements', 'delta_migration').textContent({ timeout: 1_000 }), { timeout: 10_000 }).toContain('allowed');
    expect(await editorText(pg.page, 'case')).toContain('support: signature');
    await pg.page.getByLabel('plan support').selectOption('premium');
    await expect
      .poll(() => answerRow(pg.page, 'entitlements', 'delta_migration').textContent({ timeout: 1_000 }), { timeout: 10_000 })
      .toContain('not in plan');
  });

  test('the form adds an event, moves it and removes it, and the answer follows', async () => {
    await pg.page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'Form' }).click();
    const events = pg.page.getByTestId('event');
    const count = await events.count();
    expect(count).toBeGreaterThan(2);
    expect(await answerRow(pg.page, 'deadlines', 'T-2').textContent()).toContain('pending');
    // each instant is shown whole, offset included: nothing of it scrolled out of its input
    const at = pg.page.getByLabel('event 1 at');
    expect(await at.inputValue()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(await at.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    await pg.page.getByLabel('new event type').selectOption('ticket_answered');
    await pg.page.getByRole('button', { name: 'add event' }).click();
    await expect.poll(() => events.count()).toBe(count + 1);
    await pg.page.getByLabel(`event ${count + 1} ticket`).fill('T-2');
    await pg.page.getByLabel(`event ${count + 1} ticket`).press('Tab');
    await expect.poll(() => answerRow(pg.page, 'deadlines', 'T-2').textContent({ timeout: 1_000 }), { timeout: 10_000 }).toContain('met');
    await screenshot(pg.page, 'case-form');

    await pg.page.getByLabel(`move event ${count + 1} up`).click();
    await expect
      .poll(() =>
        events
          .nth(count - 1)
          .locator('.type')
          .textContent(),
      )
      .toBe('ticket_answered');
    await pg.page.getByLabel(`remove event ${count}`).click();
    await expect.poll(() => events.count()).toBe(count);
    await expect.poll(() => answerRow(pg.page, 'deadlines', 'T-2').textContent({ timeout: 1_000 }), { timeout: 10_000 }).toContain('pending');
    await pg.page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'YAML' }).click();
  });

  test('an instant without an offset in the case is marked in the case editor', async () => {
    await findInEditor(pg.page, 'case', 'at: 2025-03-10T12:00:00+02:00');
    await pg.page.keyboard.insertText('at: 2025-03-10T12:00:00');
    const list = pg.page.getByTestId('case-diagnostics');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('offset');
    await expect.poll(() => pg.page.locator('[data-editor=case] .squiggly-error').count()).toBeGreaterThan(0);
    await screenshot(pg.page, 'case-marker');
    await pg.page.keyboard.insertText('+02:00');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(0);
  });

  test('the case editor completes from the policy: plan options', async () => {
    await findInEditor(pg.page, 'case', 'support: premium');
    await pg.page.keyboard.insertText('support: ');
    await pg.page.keyboard.press('Control+Space');
    const suggestions = pg.page.locator('.suggest-widget');
    await expect.poll(() => suggestions.allTextContents().then((t) => t.join(' ')), { timeout: 15_000 }).toContain('signature');
    await screenshot(pg.page, 'case-completion');
    await pg.page.keyboard.press('Escape');
    await pg.page.keyboard.insertText('premium');
    await expect
      .poll(() => answerRow(pg.page, 'entitlements', 'delta_migration').textContent({ timeout: 1_000 }), { timeout: 10_000 })
      .toContain('not in plan');
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
