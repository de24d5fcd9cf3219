// The timeline in a real browser: dragging "now" re-evaluates as it moves; the next change comes
// from the engine and the jump button goes there; deadlines, pauses and outages are drawn as spans.
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

  test("each deadline is drawn from the instant its clock started (the answer's started_at) to its due", async () => {
    const row = pg.page.getByTestId('timeline').locator('.axis .row', { hasText: 'first_response T-1' });
    expect(await row.getAttribute('title')).toBe('first_response T-1: started 2025-03-07 21:30 +02:00, due 2025-03-08 21:30 +02:00 (met)');
    // the bar begins where the ticket's opening is drawn
    const dot = pg.page.locator('.events-row .dot[title^="ticket_opened 2025-03-07T19:30"]');
    const [bar, opened] = [(await row.locator('.bar').boundingBox())!, (await dot.boundingBox())!];
    expect(Math.abs(bar.x - (opened.x + opened.width / 2))).toBeLessThan(2);
  });

  test("each window is drawn from the instant it opens (the answer's opens) to its until", async () => {
    const row = pg.page.getByTestId('timeline').locator('.axis .row', { hasText: 're_migration' });
    expect(await row.getAttribute('title')).toBe('re_migration: open 2025-03-05 18:00 +02:00 → 2025-03-10 18:00 +02:00');
    // the bar begins where the migration's completion is drawn, not at the left edge
    const dot = pg.page.locator('.events-row .dot[title^="full_migration_completed 2025-03-05T16:00"]');
    const [bar, completed] = [(await row.locator('.bar').boundingBox())!, (await dot.boundingBox())!];
    expect(Math.abs(bar.x - (completed.x + completed.width / 2))).toBeLessThan(2);
  });

  test('pauses are bands of their own, labelled, with the pause in their hover text', async () => {
    const axis = pg.page.locator('.axis');
    const box = (await axis.boundingBox())!;
    const clickAdds = pg.page.getByLabel('event added by a click on the axis');
    const dots = pg.page.getByTestId('timeline').locator('.events-row .dot');
    const before = await dots.count();
    await clickAdds.selectOption('migration_paused');
    await pg.page.mouse.click(box.x + box.width * 0.3, box.y + 20);
    await expect.poll(() => dots.count(), { timeout: 10_000 }).toBe(before + 1);
    const band = pg.page.getByTestId('band');
    // a pause without its resumption is still going on at `at`
    await expect.poll(() => band.textContent(), { timeout: 10_000 }).toBe('interval_pause paused (ongoing)');
    expect(await band.getAttribute('title')).toMatch(/^interval_pause paused: 2025-03-\d\d \d\d:\d\d \+02:00 → still going on; at most 5 days$/);
    await clickAdds.selectOption('migration_resumed');
    await pg.page.mouse.click(box.x + box.width * 0.45, box.y + 20);
    await expect.poll(() => band.textContent(), { timeout: 10_000 }).toBe('interval_pause paused');
    expect(await band.getAttribute('title')).toMatch(
      /^interval_pause paused: 2025-03-\d\d \d\d:\d\d \+02:00 → 2025-03-\d\d \d\d:\d\d \+02:00 \(\d+ \w+ \d+ \w+\); at most 5 days$/,
    );
    expect(await band.locator('.band.pause').count()).toBe(1);
    await screenshot(pg.page, 'timeline-pause');
  });

  test('the next change reads in full at common widths', async () => {
    const next = pg.page.getByTestId('next-change');
    for (const width of [1024, 1280, 1920]) {
      await pg.page.setViewportSize({ width, height: 900 });
      // the look-ahead has answered ('looking for the next change…' until then), and says when in full on hover
      await expect.poll(() => next.getAttribute('title'), { timeout: 20_000 }).toMatch(/^next change 2025-03-\d\d \d\d:\d\d \+02:00 \(in .+\): \w+ /);
      expect(await next.textContent()).toMatch(/^jump next change in .+: /);
      // nothing of it is clipped: its text fits the box
      expect(await next.evaluate((el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await pg.page.setViewportSize({ width: 1400, height: 900 });
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

  test('an outage is a band from `at` to `until`, going on until `until` is given', async () => {
    await pg.page.getByLabel('bundled policy').selectOption('crmonline');
    // crmonline's calendar has Iran's public holidays: the look-ahead loads them as the answer does
    await expect.poll(() => pg.page.getByTestId('next-change').textContent(), { timeout: 20_000 }).not.toBe('looking for the next change…');
    expect(await pg.page.getByTestId('answer').locator('.note.error').count()).toBe(0);
    await pg.page.getByLabel('event added by a click on the axis').selectOption('outage');
    const box = (await pg.page.locator('.axis').boundingBox())!;
    await pg.page.mouse.click(box.x + box.width * 0.2, box.y + 20);
    const band = pg.page.getByTestId('band');
    await expect.poll(() => band.textContent(), { timeout: 10_000 }).toBe('outage (ongoing)');
    expect(await band.locator('.band.outage').count()).toBe(1);
    await pg.page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'Form' }).click();
    const until = pg.page.getByLabel(/^event \d+ until$/).last();
    const at = await pg.page
      .getByLabel(/^event \d+ at$/)
      .last()
      .inputValue();
    await until.fill(new Date(Date.parse(at) + 3 * 3_600_000).toISOString());
    await until.press('Tab');
    await expect.poll(() => band.textContent(), { timeout: 10_000 }).toBe('outage');
    expect(await band.getAttribute('title')).toMatch(/^outage: .+ → .+ \(3 h\)$/);
    await screenshot(pg.page, 'timeline-outage');
    await pg.page.getByRole('group', { name: 'case view' }).getByRole('button', { name: 'YAML' }).click();
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
