// Share and keep in a real browser: a link reproduces the state in a fresh browser, the last
// state survives a reload, and the policy, case and answer download as files.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { editorsShown, editorText, focusEditor, screenshot, usePlayground } from './harness.ts';

const pg = usePlayground();

/** What the user sees of the state: the policy's start, the plan, the language, and the answer. */
async function seen(p: Page) {
  await p.getByTestId('deadlines').waitFor({ timeout: 30_000 });
  await editorsShown(p);
  await expect.poll(() => p.getByTestId('policy-status').textContent(), { timeout: 20_000 }).not.toBe('checking…');
  return {
    policy: (await editorText(p, 'policy'))?.slice(0, 200),
    plan: await p.getByLabel('plan support').inputValue(),
    lang: await p.getByLabel('language').inputValue(),
    status: await p.getByTestId('policy-status').textContent(),
    deadlines: await p.getByTestId('deadlines').textContent(),
  };
}

describe('share and keep', () => {
  let before: Awaited<ReturnType<typeof seen>>;
  let link: string;

  test('a share link opened in a fresh browser shows the same state', async () => {
    await pg.page.getByLabel('plan support').selectOption('signature');
    await pg.page.getByLabel('language').selectOption('uk');
    await pg.page.getByRole('group', { name: 'policy form' }).getByRole('button', { name: 'DSL' }).click();
    await expect.poll(() => editorText(pg.page, 'policy')).toContain('policy relokia');
    // an edit of the policy travels in the link too
    await focusEditor(pg.page, 'policy');
    await pg.page.keyboard.press('Control+Home');
    await pg.page.keyboard.insertText('# edited for the link\n');
    await expect.poll(() => pg.page.getByTestId('policy-status').textContent(), { timeout: 10_000 }).toBe('checks');
    before = await seen(pg.page);
    expect(before.policy).toContain('# edited for the link');

    await pg.page.getByRole('button', { name: 'share link' }).click();
    link = await pg.page.getByLabel('share link').inputValue();
    expect(link).toMatch(/#s=[\w-]+$/);
    await screenshot(pg.page, 'share');

    const fresh = await pg.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const other = await fresh.newPage();
    await other.goto(link);
    expect(await seen(other)).toEqual(before);
    await fresh.close();
  });

  test('a damaged link says so, and the playground still opens', async () => {
    const fresh = await pg.browser.newContext();
    const other = await fresh.newPage();
    await other.goto(`${pg.url}#s=${link.split('#s=')[1].slice(0, 40)}`);
    await expect.poll(() => other.getByRole('status').textContent(), { timeout: 20_000 }).toContain('the link is damaged');
    await other.getByTestId('deadlines').waitFor({ timeout: 30_000 });
    await fresh.close();
  });

  test('the last state survives a reload', async () => {
    await pg.page.goto(pg.url); // no fragment: from localStorage
    expect(await seen(pg.page)).toEqual(before);
  });

  test('the case, the policy and the answer download as files', async () => {
    const [caseFile] = await Promise.all([pg.page.waitForEvent('download'), pg.page.getByRole('button', { name: 'download case' }).click()]);
    expect(caseFile.suggestedFilename()).toBe('case.yaml');
    expect(readFileSync(await caseFile.path(), 'utf8')).toContain('support: signature');
    const [policyFile] = await Promise.all([pg.page.waitForEvent('download'), pg.page.getByRole('button', { name: 'download policy' }).click()]);
    expect(policyFile.suggestedFilename()).toBe('relokia.sla');
    expect(readFileSync(await policyFile.path(), 'utf8')).toMatch(/^# edited for the link\npolicy relokia/);
    const [answerFile] = await Promise.all([pg.page.waitForEvent('download'), pg.page.getByRole('button', { name: 'download answer' }).click()]);
    const answer = JSON.parse(readFileSync(await answerFile.path(), 'utf8'));
    expect(answer.plans).toEqual({ support: 'signature' });
  });

  test('no console errors', () => {
    expect(pg.errors).toEqual([]);
  });
});
