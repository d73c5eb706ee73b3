// What a user sees, in the real workbench (code-server in headless Chromium) with the packaged extension
// installed: the tests run in order on one page, each building on the previous one's state.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { activeTab, cursorLine, focusFirstEditor, pick, previewFrame, quickOpen, runCommand, statusText, TIMEOUT_MS, until, waitForWorkbench } from './workbench.ts';

export interface UiContext {
  page: Page;
  /** The workspace folder code-server opened (a copy of examples/). */
  workspace: string;
  /** Where screenshots go (test-output/ui). */
  shots: string;
  /** Screenshots written, for the report. */
  screenshots: string[];
}

export interface UiTest { name: string; run(ctx: UiContext): Promise<void> }

const EXAMPLE = '01-handshake-teardown-textbook.tcpseq';
const MISTAKE = '01-wrong-ack-after-syn.tcpseq';

/** 1-based lines of the segment statements of a file (one arrow each in the diagram). */
function segmentLines(text: string): number[] {
  return text.split('\n').flatMap((l, i) => (/^\s*\w+\s*(->|-x|~>)\s*\w+/.test(l) ? [i + 1] : []));
}

const svgArrows = (page: Page) => previewFrame(page).locator('#diagram svg text.messageText');

/** The fill colour the diagram uses for its participant boxes (changes with the theme). */
async function actorFill(page: Page): Promise<string> {
  return previewFrame(page).locator('#diagram svg rect.actor').first().evaluate((el) => getComputedStyle(el).fill);
}

async function shot(ctx: UiContext, name: string): Promise<void> {
  const path = join(ctx.shots, name);
  await ctx.page.screenshot({ path });
  ctx.screenshots.push(path);
}

export const uiTests: UiTest[] = [
  {
    name: 'the workbench loads with the extension installed',
    async run({ page }) {
      await waitForWorkbench(page);
    },
  },
  {
    name: 'Quick Open opens an example; the status bar shows the language mode "TCP Sequence"',
    async run({ page }) {
      await quickOpen(page, EXAMPLE);
      const mode = await until('the language mode TCP Sequence', async () => {
        const t = await statusText(page, 'status.editor.mode');
        return t === 'TCP Sequence' ? t : undefined;
      });
      assert.equal(mode, 'TCP Sequence');
    },
  },
  {
    name: 'the Problems panel lists the diagnostics of a mistakes file, each with its code and line',
    async run(ctx) {
      const { page, workspace } = ctx;
      const text = readFileSync(join(workspace, 'mistakes', MISTAKE), 'utf8');
      const expected = [...text.matchAll(/^#\s*expect:\s*(\d+)\s+([a-z-]+)\s*$/gm)].map((m) => ({ line: Number(m[1]), code: m[2]! }));
      assert.ok(expected.length >= 1, `${MISTAKE} names its expected diagnostics`);
      await quickOpen(page, MISTAKE);
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      const texts = await until(`${expected.length} problem rows`, async () => {
        const all = await rows.allTextContents();
        return expected.every((e) => all.some((r) => r.includes(e.code) && r.includes(`Ln ${e.line},`))) ? all : undefined;
      });
      assert.ok(texts.some((r) => r.includes(MISTAKE)), 'a row for the file');
      assert.ok(texts.some((r) => r.includes('ack should be x+1')), 'the wrong-ack message');
      await shot(ctx, 'problems-panel.png');
      await page.keyboard.press('Control+J'); // hide the panel again
      await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    },
  },
  {
    name: 'Ctrl+K V opens the preview beside the editor: one arrow per segment, the states in the notes',
    async run({ page, workspace }) {
      await quickOpen(page, EXAMPLE);
      await focusFirstEditor(page);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('v');
      const segments = segmentLines(readFileSync(join(workspace, EXAMPLE), 'utf8'));
      await until(`${segments.length} arrows in the preview`, async () => ((await svgArrows(page).count()) === segments.length ? true : undefined), 60_000);
      const labels = await svgArrows(page).allTextContents();
      assert.match(labels[0]!, /SYN/);
      assert.match(labels[1]!, /SYN\+ACK|SYN, ACK|SYN ACK/);
      const notes = (await previewFrame(page).locator('#diagram svg .note + text, #diagram svg text.noteText').allTextContents()).join(' | ');
      for (const state of ['SYN_SENT', 'SYN_RECEIVED', 'ESTABLISHED', 'FIN_WAIT_1', 'CLOSE_WAIT', 'TIME_WAIT', 'LAST_ACK']) {
        assert.ok(notes.includes(state), `the state ${state} in the notes: ${notes.slice(0, 300)}`);
      }
      // the preview sits beside the editor: two editor groups
      assert.equal(await page.locator('.editor-group-container').count(), 2);
    },
  },
  {
    name: 'clicking an arrow moves the editor\'s cursor to its line',
    async run({ page, workspace }) {
      const segments = segmentLines(readFileSync(join(workspace, EXAMPLE), 'utf8'));
      for (const index of [2, 5]) {
        await svgArrows(page).nth(index).click();
        const line = await until(`the cursor on line ${segments[index]}`, async () => ((await cursorLine(page)) === segments[index] ? segments[index] : undefined));
        assert.equal(line, segments[index]);
      }
    },
  },
  {
    name: 'a screenshot of the editor with the preview (light theme)',
    async run(ctx) {
      await svgArrows(ctx.page).first().waitFor();
      await shot(ctx, 'editor-with-preview-light.png');
    },
  },
  {
    name: 'switching to a dark theme changes the diagram\'s colours',
    async run(ctx) {
      const { page } = ctx;
      const before = await actorFill(page);
      await runCommand(page, 'Preferences: Color Theme');
      await pick(page, 'Dark Modern');
      await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: TIMEOUT_MS });
      const after = await until('new colours in the diagram', async () => {
        const fill = await actorFill(page);
        return fill !== before ? fill : undefined;
      });
      assert.notEqual(after, before);
      const bodyDark = await previewFrame(page).locator('body').evaluate((b) => b.classList.contains('vscode-dark'));
      assert.ok(bodyDark, 'the webview knows the theme is dark');
    },
  },
  {
    name: 'a screenshot of the editor with the preview (dark theme, side bar hidden, first arrow clicked)',
    async run(ctx) {
      const { page, workspace } = ctx;
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
      const first = segmentLines(readFileSync(join(workspace, EXAMPLE), 'utf8'))[0]!;
      await svgArrows(page).first().click();
      await until(`the cursor on line ${first}`, async () => ((await cursorLine(page)) === first ? true : undefined));
      await previewFrame(page).locator('#diagram svg .tcpseq-current').first().waitFor();
      // the extension's status bar item follows the cursor: the states after the SYN
      await page.locator('.statusbar-item', { hasText: 'client: SYN_SENT · server: SYN_RECEIVED' }).first().waitFor({ timeout: TIMEOUT_MS });
      await shot(ctx, 'editor-with-preview.png');
    },
  },
  {
    name: 'typing in the editor updates the diagram',
    async run({ page }) {
      const before = await svgArrows(page).count();
      await focusFirstEditor(page);
      assert.ok(await activeTab(page, EXAMPLE).count(), 'the example is the active editor');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('server -> client: RST seq=w+1', { delay: 10 });
      await page.keyboard.press('Escape');
      await until(`${before + 1} arrows after typing`, async () => ((await svgArrows(page).count()) === before + 1 ? true : undefined));
      const last = (await svgArrows(page).allTextContents()).at(-1) ?? '';
      assert.match(last, /RST/);
    },
  },
];
