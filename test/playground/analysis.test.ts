// Policy analysis in a real browser: lint warnings as markers in the policy editor, the semantic
// diff and the answer diff of two versions, and the test file's coverage shaded on the policy.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { findInEditor, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();
const hoverText = (page: Page) =>
  page
    .locator('.monaco-hover')
    .allTextContents()
    .then((t) => t.join(' '));
/** The vertical offset of a decoration or a line of the policy editor, to tell which line it is on. */
const tops = (page: Page, selector: string) =>
  page
    .locator(`[data-editor=policy] ${selector}`)
    .evaluateAll((els) => els.map((e) => parseFloat((e.parentElement as HTMLElement).style.top || (e as HTMLElement).style.top)));

/** The coverage shade on the (visible) policy line with this text, if any. */
async function shadeOf(page: Page, text: string): Promise<string | undefined> {
  const top = await page
    .locator('[data-editor=policy] .view-line')
    .evaluateAll(
      (els, t) => els.filter((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ') === t).map((e) => parseFloat((e as HTMLElement).style.top))[0],
      text,
    );
  return page.locator('[data-editor=policy] .view-overlays > div').evaluateAll((els, at) => {
    const row = els.find((e) => parseFloat((e as HTMLElement).style.top) === at);
    return /coverage-(both|one|never)/.exec(row?.innerHTML ?? '')?.[1];
  }, top);
}

describe('policy analysis', () => {
  test('a lint warning is a warning marker on its span, with its message and help', async () => {
    await expect.poll(() => pg.page.getByTestId('policy-status').textContent(), { timeout: 20_000 }).toBe('checks');
    await findInEditor(pg.page, 'policy', 'duration: 24 hours');
    await pg.page.keyboard.insertText('duration: 2400 days');
    const list = pg.page.getByTestId('policy-diagnostics');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('SLA6011 "2400 days" is longer than 3 years');
    expect(await list.locator('li.warning').textContent()).toContain('check the number');
    // a warning, not an error: the policy still checks and answers
    expect(await pg.page.getByTestId('policy-status').textContent()).toBe('checks');
    const line = pg.page.locator('[data-editor=policy] .view-line', { hasText: 'duration: 2400 days' }).first();
    const lineTop = await line.evaluate((e) => parseFloat((e as HTMLElement).style.top));
    await expect.poll(() => tops(pg.page, '.squiggly-warning'), { timeout: 10_000 }).toContain(lineTop);
    expect(await pg.page.locator('[data-editor=policy] .squiggly-error').count()).toBe(0);
    await line.getByText('2400').hover();
    await expect.poll(() => hoverText(pg.page), { timeout: 15_000 }).toContain('"2400 days" is longer than 3 years');
    expect(await hoverText(pg.page)).toContain('check the number; the clocks answer within 20 years');
    await screenshot(pg.page, 'lint-marker');
    await findInEditor(pg.page, 'policy', 'duration: 2400 days');
    await pg.page.keyboard.insertText('duration: 24 hours');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(0);
  });

  test('running the test file shades the policy by what its cases exercised, with a legend and the figures', async () => {
    await pg.page.getByRole('tab', { name: 'Tests' }).click();
    await pg.page.getByRole('button', { name: 'run relokia.test.yaml' }).click();
    const legend = pg.page.getByTestId('coverage');
    await expect.poll(() => legend.textContent(), { timeout: 60_000 }).toContain('seen both ways');
    // every clause cited and every condition seen both ways, however many the policy has
    expect(await legend.locator('[data-figure="clauses"]').textContent()).toMatch(/^clauses 100 % \((\d+)\/\1\)$/);
    expect(await legend.locator('[data-figure="conditions both ways"]').textContent()).toMatch(/^conditions both ways 100 % \((\d+)\/\1\)$/);
    await findInEditor(pg.page, 'policy', '- id: first_response');
    await pg.page.keyboard.press('Escape');
    await expect.poll(() => shadeOf(pg.page, '  - id: first_response'), { timeout: 10_000 }).toBe('both');
    await screenshot(pg.page, 'coverage-shading');

    // one case exercises less: some lines are seen one way or never
    await pg.page.getByText('paste another test file').click();
    await pg.page.getByRole('button', { name: 'the current case as a test' }).click();
    await pg.page.getByRole('button', { name: 'run the pasted tests' }).click();
    await expect.poll(() => legend.locator('[data-figure="conditions both ways"]').textContent(), { timeout: 60_000 }).not.toContain('100 %');
    // Monaco paints the new decorations on a later frame than the legend's
    const partly = () =>
      pg.page.locator('[data-editor=policy] [class*=coverage-]').evaluateAll((els) => els.some((e) => /coverage-(one|never)/.test(e.className)));
    await expect.poll(partly, { timeout: 10_000 }).toBe(true);

    // an edit makes the shading stale: it goes
    await findInEditor(pg.page, 'policy', 'duration: 24 hours');
    await pg.page.keyboard.insertText('duration: 25 hours');
    await expect.poll(() => pg.page.locator('[data-editor=policy] [class*=coverage-]').count(), { timeout: 10_000 }).toBe(0);
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
