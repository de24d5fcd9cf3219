// The policy editor in a real browser: a bundled policy opens with its answers; a misspelled event
// name gets a marker with the suggestion, which the quick fix applies; YAML ↔ DSL conversion.
import { describe, expect, test } from 'vitest';
import { editorText, findInEditor, focusEditor, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();
const status = () => pg.page.getByTestId('policy-status');

/** The distinct problems met going from marker to marker with F8, as the marker widget shows them. */
async function problemsMet(): Promise<string[]> {
  await focusEditor(pg.page, 'policy');
  await pg.page.keyboard.press('Control+Home');
  const met = new Set<string>();
  for (let i = 0; i < 6; i++) {
    await pg.page.keyboard.press('F8');
    met.add(await pg.page.locator('.marker-widget .message').first().innerText());
  }
  await pg.page.keyboard.press('Escape');
  return [...met].map((m) => m.replace(/\n/g, '')).sort();
}

describe('policy editor', () => {
  test('a bundled policy opens with its answers', async () => {
    await expect.poll(() => status().textContent(), { timeout: 20_000 }).toBe('checks');
    const deadlines = pg.page.getByTestId('deadlines');
    await deadlines.waitFor();
    expect(await deadlines.locator('tr', { hasText: 'T-2' }).textContent()).toContain('pending');
    await screenshot(pg.page, 'policy-editor');
  });

  test('a misspelled event name is marked on its span with the suggestion, and the quick fix repairs it', async () => {
    await findInEditor(pg.page, 'policy', 'stop: { event: ticket_answered }');
    await pg.page.keyboard.insertText('stop: { event: ticket_answerd }');
    const list = pg.page.getByTestId('policy-diagnostics');
    await expect.poll(() => list.textContent(), { timeout: 10_000 }).toContain('unknown event type `ticket_answerd`');
    expect(await list.textContent()).toContain('did you mean `ticket_answered`?');
    // the marker underlines the misspelled word
    const squiggle = pg.page.locator('[data-editor=policy] .squiggly-error');
    await expect.poll(() => squiggle.count()).toBeGreaterThan(0);
    await screenshot(pg.page, 'policy-marker');

    await pg.page.locator('[data-editor=policy] .view-line', { hasText: 'ticket_answerd' }).getByText('ticket_answerd').click();
    await pg.page.keyboard.press('Control+.');
    const fix = pg.page.locator('.action-widget').getByText('Change to `ticket_answered`');
    await fix.click();
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toBe('checks');
    expect(await list.count()).toBe(0);
  });

  test('the policy switches to the DSL and back, and still answers the same', async () => {
    const before = await pg.page.getByTestId('deadlines').textContent();
    await pg.page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'DSL' }).click();
    await expect.poll(() => editorText(pg.page, 'policy')).toContain('policy relokia');
    await expect.poll(() => status().textContent()).toBe('checks');
    expect(await pg.page.getByTestId('deadlines').textContent()).toBe(before);
    await screenshot(pg.page, 'policy-dsl');
    await pg.page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'YAML' }).click();
    await expect.poll(() => editorText(pg.page, 'policy')).toContain('id: relokia');
    await expect.poll(() => status().textContent()).toBe('checks');
  });

  test('an unknown key is marked, with the key it was probably meant to be', async () => {
    await findInEditor(pg.page, 'policy', 'zone: Europe/Kyiv');
    await pg.page.keyboard.insertText('zonee: Europe/Kyiv');
    await expect
      .poll(() => pg.page.getByTestId('policy-diagnostics').textContent(), { timeout: 10_000 })
      .toContain('unknown property `zonee` — did you mean `zone`?');
    // each problem is told once, by the engine (monaco-yaml checks the same schema): going from
    // marker to marker (F8) meets the unknown key and the missing one, each with its code
    await expect
      .poll(() => problemsMet(), { timeout: 10_000 })
      .toEqual(['missing property `zone` in the documentsla(SLA2003)', 'unknown property `zonee`did you mean `zone`?sla(SLA2002)']);
    await findInEditor(pg.page, 'policy', 'zonee: Europe/Kyiv');
    await pg.page.keyboard.insertText('zone: Europe/Kyiv');
    await expect.poll(() => status().textContent(), { timeout: 10_000 }).toBe('checks');
  });

  test('hovering a key of the YAML form shows its description from the policy schema', async () => {
    await pg.page.locator('[data-editor=policy] .view-line', { hasText: 'zone: Europe/Kyiv' }).first().getByText('zone').first().hover();
    await expect
      .poll(
        () =>
          pg.page
            .locator('.monaco-hover')
            .allTextContents()
            .then((t) => t.join(' ')),
        { timeout: 15_000 },
      )
      .toContain('an IANA time zone such as Europe/Kyiv');
  });

  test('hovering a clause id shows the clause text in each of its languages', async () => {
    await findInEditor(pg.page, 'policy', 'clause: response-times');
    await pg.page.keyboard.press('Escape');
    await pg.page.locator('[data-editor=policy] .view-line', { hasText: 'clause: response-times' }).first().getByText('response-times').first().hover();
    const hover = () =>
      pg.page
        .locator('.monaco-hover')
        .allTextContents()
        .then((t) => t.join(' '));
    await expect.poll(hover, { timeout: 15_000 }).toContain('Response Times and Support Plans');
    expect(await hover()).toMatch(/uk: .*[а-яіїє]/);
  });

  test('the DSL is formatted to its canonical layout', async () => {
    await pg.page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'DSL' }).click();
    await expect.poll(() => editorText(pg.page, 'policy')).toContain('policy relokia');
    await findInEditor(pg.page, 'policy', 'version "2024-10-27"');
    await pg.page.keyboard.insertText('       version "2024-10-27"');
    await expect.poll(() => editorText(pg.page, 'policy')).toContain('         version "2024-10-27"');
    await pg.page.getByRole('button', { name: 'format' }).click();
    await expect.poll(() => editorText(pg.page, 'policy')).toContain('\n  version "2024-10-27"');
    expect(await editorText(pg.page, 'policy')).not.toContain('   version');
    await pg.page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'YAML' }).click();
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
