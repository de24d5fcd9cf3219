// Version vs version in a real browser: the edited policy against the bundled one, on the same case.
import { describe, expect, test } from 'vitest';
import { findInEditor, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();

describe('compare versions', () => {
  test('an edit shows in the source diff and in the answers it changes', async () => {
    await pg.page.getByRole('tab', { name: 'Compare versions' }).click();
    const summary = pg.page.getByTestId('versions-summary');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toBe('The answers are the same');
    expect(await pg.page.getByTestId('policy-changes').textContent()).toBe('the policies mean the same');

    await findInEditor(pg.page, 'policy', 'duration: 24 hours');
    await pg.page.keyboard.insertText('duration: 48 hours');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toBe('2 answers differ');
    // the edit in the policy's own terms
    expect(await pg.page.getByTestId('policy-changes').locator('li').allTextContents()).toEqual(['~ deadline `first_response` duration: 24 hours → 48 hours']);
    const row = pg.page.getByTestId('versions').locator('tr[data-item="deadline `first_response` T-2"] td');
    expect(await row.allTextContents()).toEqual([
      'deadline `first_response` T-2',
      'due later',
      '2025-03-11T09:15:00.000+02:00 → 2025-03-12T09:15:00.000+02:00',
    ]);
    // the diff editor shows the first difference
    await expect
      .poll(() => pg.page.locator('[data-testid=versions] .line-insert, [data-testid=versions] .char-insert').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screenshot(pg.page, 'compare-versions');
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
