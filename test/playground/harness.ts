// Drives the built playground in Debian's chromium for one test file (serve.ts builds, serves and
// opens it), with the steps the tests share.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { editorsShown, ensureBuilt, launch, openPage, servePlayground } from './serve.ts';

export { editorsShown, findInEditor, focusEditor, repo, screenshot, screenshots } from './serve.ts';

/** Builds, serves and opens the playground for one test file (before its tests), and closes it after. */
export function usePlayground(): { readonly page: Page; readonly browser: Browser; readonly url: string; readonly errors: string[] } {
  let server: Awaited<ReturnType<typeof servePlayground>> | undefined;
  let browser: Browser | undefined;
  let opened: { page: Page; errors: string[] } | undefined;
  beforeAll(async () => {
    ensureBuilt();
    server = await servePlayground();
    browser = await launch();
    opened = await openPage(browser, server.url);
    await opened.page.getByTestId('deadlines').waitFor({ timeout: 60_000 });
    // the editors (Monaco) load after the first screen
    await editorsShown(opened.page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get page() {
      return opened!.page;
    },
    get browser() {
      return browser!;
    },
    get url() {
      return server!.url;
    },
    get errors() {
      return opened!.errors;
    },
  };
}

/** An editor's visible lines, top to bottom (Monaco reuses line elements out of DOM order, and
 *  renders spaces as no-break spaces). */
export function editorText(page: Page, editor: string): Promise<string> {
  return page.locator(`[data-editor=${editor}] .view-line`).evaluateAll((lines) =>
    lines
      .map((l) => [parseFloat((l as HTMLElement).style.top), (l.textContent ?? '').replace(/\u00a0/g, ' ')] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, t]) => t)
      .join('\n'),
  );
}

/** A row of one of the answer's tables. */
export const answerRow = (page: Page, table: string, text: string) => page.getByTestId(table).locator('tr[data-row]', { hasText: text }).first();
