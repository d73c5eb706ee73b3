// What a Chinese-speaking student sees in an English VS Code with `tcpseq.language: zh-cn` (no language
// pack): the Problems panel and the preview in Chinese, with screenshots. Run by scripts/run-ui-zh.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { focusFirstEditor, previewFrame, quickOpen, statusText, TIMEOUT_MS, until, waitForWorkbench } from './workbench.ts';
import type { UiContext, UiTest } from './suite.ts';

const CJK = /[\u4e00-\u9fff]/;
const EXAMPLE = '01-三次握手与四次挥手.tcpseq';
const TYPO = '08-typo-flag.tcpseq';

async function shot(ctx: UiContext, name: string): Promise<void> {
  const path = join(ctx.shots, name);
  await ctx.page.screenshot({ path });
  ctx.screenshots.push(path);
}

const svgArrows = (page: Page) => previewFrame(page).locator('#diagram svg text.messageText');

export const zhUiTests: UiTest[] = [
  {
    name: 'the workbench loads in English with tcpseq set to zh-cn',
    async run({ page }) {
      await waitForWorkbench(page);
    },
  },
  {
    name: 'the Problems panel shows the diagnostic of a mistakes file in Chinese, with its code and line',
    async run(ctx) {
      const { page } = ctx;
      await quickOpen(page, TYPO);
      // the workbench is English (its language mode shows the English alias from package.nls.json)
      await until('the language mode TCP Sequence', async () => ((await statusText(page, 'status.editor.mode')) === 'TCP Sequence' ? true : undefined));
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      const row = await until('the unknown-flag row in Chinese', async () => {
        const all = await rows.allTextContents();
        return all.find((r) => r.includes('unknown-flag') && r.includes('Ln 10,') && CJK.test(r));
      });
      assert.match(row, /SYNN/);
      await shot(ctx, 'problems-panel-zh.png');
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
    },
  },
  {
    name: 'the preview of the Chinese textbook example: Chinese toolbar, title, labels and notes',
    async run(ctx) {
      const { page, workspace } = ctx;
      await quickOpen(page, EXAMPLE);
      await focusFirstEditor(page);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('v');
      const text = readFileSync(join(workspace, 'zh-cn', EXAMPLE), 'utf8');
      const segments = text.split('\n').filter((l) => /^\s*\w+\s*(->|-x|~>)\s*\w+/.test(l)).length;
      await until(`${segments} arrows in the preview`, async () => ((await svgArrows(page).count()) === segments ? true : undefined), 60_000);
      const frame = previewFrame(page);
      assert.equal(await frame.locator('#zoom-in').getAttribute('title'), '放大（Ctrl+滚轮）');
      assert.equal(await frame.locator('#zoom-fit').textContent(), '适应');
      assert.equal(await frame.locator('html').getAttribute('lang'), 'zh-CN');
      const diagram = await frame.locator('#diagram').textContent() ?? '';
      assert.match(diagram, /三次握手与四次挥手/);
      assert.match(diagram, /客户端 A/);
      // the tab title of the preview
      assert.ok(await page.locator('.tabs-container .tab', { hasText: `预览 ${EXAMPLE}` }).count() > 0, 'the preview tab is titled 预览 …');
      await shot(ctx, 'editor-with-preview-zh.png');
    },
  },
];
