// Plan vs plan and the test file, in a real browser.
import { describe, expect, test } from 'vitest';
import { screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();
const tab = (name: string) => pg.page.getByRole('tab', { name }).click();

describe('compare plans', () => {
  test('the case under every support plan, the rows where they differ highlighted', async () => {
    await tab('Compare plans');
    const table = pg.page.getByTestId('compare');
    await expect.poll(() => table.locator('thead th').allTextContents(), { timeout: 20_000 }).toEqual(['item', 'standard', 'premium', 'signature']);
    const delta = table.locator('tr[data-item="entitlement delta_migration"]');
    expect(await delta.getAttribute('class')).toBe('differs');
    expect(await delta.locator('td').allTextContents()).toEqual([
      'entitlement delta_migration',
      'not allowed',
      'not allowed',
      expect.stringContaining('allowed'),
    ]);
    // what the plan does not change is not highlighted
    expect(await table.locator('tr[data-item="entitlement support_center_open"]').getAttribute('class')).toBe('');
    await screenshot(pg.page, 'compare-plans');
  });
});

describe('tests in the browser', () => {
  test("the policy's own test file passes", async () => {
    await tab('Tests');
    await pg.page.getByRole('button', { name: 'run relokia.test.yaml' }).click();
    const summary = pg.page.getByTestId('tests-summary');
    await expect.poll(() => summary.textContent(), { timeout: 60_000 }).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number((await summary.textContent())!.split(' ')[0])).toBeGreaterThan(50);
    await screenshot(pg.page, 'tests');
  });

  test('a pasted test whose expectation is wrong fails with expected and actual', async () => {
    await pg.page.getByText('paste another test file').click();
    await pg.page
      .getByLabel('test file')
      .fill(
        [
          'policy: relokia',
          'cases:',
          '  - name: a wrong expectation',
          '    case:',
          '      at: 2025-03-10T12:00:00+02:00',
          '      plans: { support: premium }',
          '      facts: { migration_price: 1000 }',
          '      events:',
          '        - { type: ticket_opened, at: 2025-03-10T09:15:00+02:00, ticket: T-2, channel: chat }',
          '    expect:',
          '      deadlines:',
          '        - { id: first_response, subject: T-2, status: breached }',
        ].join('\n'),
      );
    await pg.page.getByRole('button', { name: 'run the pasted tests' }).click();
    await expect.poll(() => pg.page.getByTestId('tests-summary').textContent(), { timeout: 20_000 }).toBe('0 passed, 1 failed');
    const failure = await pg.page.locator('.outcomes li.failed').textContent();
    expect(failure).toContain('expected: breached');
    expect(failure).toContain('actual:   pending');
  });

  test('the current case becomes a test with the current answer as its expectation, and passes', async () => {
    await pg.page.getByRole('button', { name: 'the current case as a test' }).click();
    expect(await pg.page.getByLabel('test file').inputValue()).toContain('expect:');
    await pg.page.getByRole('button', { name: 'run the pasted tests' }).click();
    await expect.poll(() => pg.page.getByTestId('tests-summary').textContent(), { timeout: 20_000 }).toBe('1 passed, 0 failed');
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
