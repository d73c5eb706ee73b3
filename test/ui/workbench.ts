// Small helpers to drive the VS Code workbench (code-server) in Chromium with playwright-core: Quick Open,
// the command palette, the editor, the status bar, and the preview webview inside its two iframes.
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const TIMEOUT_MS = 30_000;

/** The preview's document: the webview's outer iframe, then the frame with the page the extension wrote. */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view, .pane-body.explorer-viewlet').first().waitFor({ timeout: 60_000 });
  await page.locator('#status\\.editor\\.mode, .statusbar').first().waitFor({ timeout: 60_000 });
}

async function quickInput(page: Page, keys: string, text: string, rowText: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press(keys);
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(text);
  await choose(page, rowText);
}

/** Waits for the row whose label is exactly `label` (the list filters as it can) and clicks it. */
async function choose(page: Page, label: string): Promise<void> {
  const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  const input = page.locator('.quick-input-widget input');
  const typed = await input.inputValue();
  await row.click({ timeout: TIMEOUT_MS });
  // the quick input closes, or (a command that asks for more, like the theme picker) shows a new list
  await until(`the quick input to take "${label}"`, async () =>
    (!(await input.isVisible()) || (await input.inputValue()) !== typed ? true : undefined));
}

/** Opens a file of the workspace by Quick Open (Ctrl+P) and waits for its editor tab to be active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await quickInput(page, 'Control+P', fileName, fileName);
  await activeTab(page, fileName).waitFor({ timeout: TIMEOUT_MS });
  await activeEditor(page).locator('.view-lines').waitFor({ timeout: TIMEOUT_MS });
}

/** Runs a command by its title from the command palette (Ctrl+Shift+P). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'Control+Shift+P', `>${title}`, title);
}

/** Picks an entry of the quick pick that a command opened (e.g. the colour theme list). */
export async function pick(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(text);
  await choose(page, text);
}

export function activeTab(page: Page, name: string): Locator {
  return page.locator('.tabs-container .tab.active', { hasText: name });
}

/** Focuses the editor of the first editor group (Ctrl+1). */
export async function focusFirstEditor(page: Page): Promise<void> {
  await page.keyboard.press('Control+1');
  await page.locator('.editor-group-container').first().locator('.monaco-editor.focused').waitFor({ timeout: TIMEOUT_MS });
}

/** The text editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

export async function statusText(page: Page, id: string): Promise<string> {
  return ((await page.locator(`#${id.replace(/\./g, '\\.')}`).textContent({ timeout: TIMEOUT_MS })) ?? '').trim();
}

/** Polls until `probe` returns a value (not undefined); fails with `what` and the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The 1-based line of the cursor, read from the status bar ("Ln 11, Col 1"). */
export async function cursorLine(page: Page): Promise<number | undefined> {
  const m = /Ln (\d+)/.exec(await statusText(page, 'status.editor.selection'));
  return m ? Number(m[1]) : undefined;
}
