// The timeline in a real browser: dragging "now" re-evaluates as it moves; the next change comes
// from the engine and the jump button goes there.
import { describe, expect, test } from 'vitest';
import { answerRow, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();
const now = () => pg.page.getByTestId('now').textContent();

describe('timeline', () => {
  test('the next change is named, and the jump button goes to it', async () => {
    const next = pg.page.getByTestId('next-change');
    await expect.poll(() => next.textContent(), { timeout: 20_000 }).toContain('next change in 6 h');
    expect(await next.textContent()).toContain('re_migration allowed true → false');
    await screenshot(pg.page, 'timeline');
    await next.getByRole('button', { name: 'jump' }).click();
    await expect.poll(now, { timeout: 10_000 }).toContain('2025-03-10 18:00 +02:00');
    expect(await answerRow(pg.page, 'entitlements', 're_migration').textContent()).toContain('not now');
    // and the look-ahead moves on to the change after that one
    await expect.poll(() => next.textContent(), { timeout: 20_000 }).not.toContain('re_migration allowed true → false');
  });

  test('dragging now past a due instant turns the deadline from pending to breached while dragging', async () => {
    expect(await answerRow(pg.page, 'deadlines', 'T-2').textContent()).toContain('pending');
    await expect.poll(() => pg.page.getByTestId('next-change').textContent(), { timeout: 20_000 }).toContain('next change');
    const slider = pg.page.getByLabel('now', { exact: true });
    const box = (await slider.boundingBox())!;
    const [min, max, value] = await slider.evaluate((el: HTMLInputElement) => [Number(el.min), Number(el.max), Number(el.value)]);
    const xOf = (v: number) => box.x + 8 + ((v - min) / (max - min)) * (box.width - 16);
    const y = box.y + box.height / 2;
    await pg.page.mouse.move(xOf(value), y);
    await pg.page.mouse.down();
    for (let i = 1; i <= 10; i++) await pg.page.mouse.move(xOf(value + ((max - value) * i) / 10), y);
    await expect.poll(now, { timeout: 10_000 }).toContain('(scrubbing)');
    await expect.poll(() => answerRow(pg.page, 'deadlines', 'T-2').textContent(), { timeout: 10_000 }).toContain('breached');
    await screenshot(pg.page, 'timeline-scrubbed');
    await pg.page.mouse.up();
    // let go: the case itself now asks at that instant
    await expect.poll(now, { timeout: 10_000 }).not.toContain('(scrubbing)');
    await expect.poll(() => pg.page.locator('[data-editor=case] .view-lines').textContent(), { timeout: 10_000 }).toContain('2025-03-12');
    expect(await answerRow(pg.page, 'deadlines', 'T-2').textContent()).toContain('breached');
  });

  test('a click on the axis adds an event at that instant', async () => {
    const dots = pg.page.getByTestId('timeline').locator('.events-row .dot');
    const count = () => dots.count();
    const before = await count();
    await pg.page.getByLabel('event added by a click on the axis').selectOption('payment');
    const axis = pg.page.locator('.axis');
    const box = (await axis.boundingBox())!;
    await pg.page.mouse.click(box.x + box.width / 2, box.y + 20);
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
    expect(await dots.last().getAttribute('title')).toMatch(/^payment /);
  });

  test("the axis shades the calendar's working hours and names its holidays", async () => {
    // relokia's business calendar: whole business days, Monday to Friday
    await expect.poll(() => pg.page.locator('.axis .working').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await pg.page.locator('.axis .working').first().getAttribute('title')).toBe('working hours (business)');
    await pg.page.getByLabel('bundled policy').selectOption('cart2cart');
    const holiday = pg.page.getByTestId('holiday').first();
    await expect.poll(() => holiday.getAttribute('title'), { timeout: 20_000 }).toMatch(/^2021-01-01 /);
    await screenshot(pg.page, 'timeline-holiday');
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
