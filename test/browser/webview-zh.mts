// The preview webview follows tcpseq.language: an update in zh-cn relabels the toolbar, words the banner,
// the tooltip and the syntax errors in Chinese (a screenshot is written to test-output/zh/), and an update in
// en brings the English back. Run: node --import tsx test/browser/webview-zh.mts   (prints "N passed, N failed")
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { formatText } from '../../src/core/i18n/format.ts';
import type { Lang } from '../../src/core/i18n/types.ts';
import { metaOf, SYNTAX_CODES, type UpdateMessage } from '../../src/webview/protocol.ts';
import { launch, ROOT } from './mermaidPage.mjs';
import { openPreviewPage, waitForVersion } from './webviewHarness.ts';

let passed = 0;
let failed = 0;
function check(ok: boolean, what: string): void {
  if (ok) passed++; else { failed++; console.log(`FAIL ${what}`); }
}

/** The update the extension sends for this text when tcpseq speaks `lang` (previewPanel.ts updateFor). */
function updateIn(lang: Lang, text: string, version: number): UpdateMessage {
  const analysis = analyze(text);
  const { model, mermaid } = diagramOf(analysis, text, undefined, lang);
  return {
    type: 'update', sourceUri: 'file:///zh.tcpseq', fileName: 'zh.tcpseq', version, locked: false, lang, mermaid, ...metaOf(model, lang),
    syntaxErrors: analysis.diagnostics.filter((d) => d.severity === 'error' && SYNTAX_CODES.has(d.code))
      .map((d) => ({ line: d.range.start.line, message: formatText(lang, d.text) })),
  };
}

const CJK = /[\u4e00-\u9fff]/;
const example = readFileSync(join(ROOT, 'examples/zh-cn/01-三次握手与四次挥手.tcpseq'), 'utf8');
const wrongAck = readFileSync(join(ROOT, 'examples/mistakes/01-wrong-ack-after-syn.tcpseq'), 'utf8');
const OUT = join(ROOT, 'test-output/zh');
mkdirSync(OUT, { recursive: true });

const browser = await launch();
try {
  const h = await openPreviewPage(browser);
  const { page } = h;
  const attr = (sel: string, name: string) => page.locator(sel).getAttribute(name);

  check(await attr('#zoom-in', 'title') === 'Zoom in (Ctrl+wheel)', 'the page opens in English');
  await h.send(updateIn('zh-cn', example, 1));
  await waitForVersion(page, 1);
  check(await attr('html', 'lang') === 'zh-CN', `html lang ${await attr('html', 'lang')}`);
  check(await attr('#zoom-in', 'title') === '放大（Ctrl+滚轮）', `zoom-in title ${await attr('#zoom-in', 'title')}`);
  check(await attr('#zoom-out', 'aria-label') === '缩小', 'zoom-out label');
  check(await page.locator('#zoom-fit').textContent() === '适应', 'fit button text');
  check(await attr('#toolbar', 'aria-label') === '时序图', 'toolbar label');
  check(await page.locator('#diagram text.messageText').count() > 0, 'the Chinese example is drawn');
  check(CJK.test(await page.locator('#diagram').textContent() ?? ''), 'the diagram shows the Chinese title, labels and notes');
  await page.screenshot({ path: join(OUT, 'preview-zh.png') });

  await h.send(updateIn('zh-cn', example.replace('== 四次挥手 ==', '== 四次挥手 ==\n这不是一条语句'), 2));
  await waitForVersion(page, 2);
  const banner = await page.locator('#banner').textContent() ?? '';
  check(/^第 \d+ 行：.*— 显示的是上一次正确的时序图$/.test(banner), `banner: ${banner}`);
  check(CJK.test(banner.replace(/^第 \d+ 行：/, '').replace(/ — 显示的是上一次正确的时序图$/, '')), `the syntax error itself is in Chinese: ${banner}`);
  await page.screenshot({ path: join(OUT, 'preview-zh-banner.png') });

  const u = updateIn('zh-cn', wrongAck, 3);
  await h.send(u);
  await waitForVersion(page, 3);
  const bad = u.messages.findIndex((m) => m.worst === 'error');
  await page.locator(`#diagram text.messageText[data-message="${bad}"]`).hover();
  await page.waitForSelector('#tooltip:not([hidden])');
  const tip = await page.locator('#tooltip').innerText();
  check(/第 \d+ 行/.test(tip) && /错误：wrong-ack：/.test(tip), `tooltip: ${tip}`);
  await page.screenshot({ path: join(OUT, 'preview-zh-tooltip.png') });

  await h.send({ ...updateIn('en', wrongAck, 4) });
  await waitForVersion(page, 4);
  check(await attr('#zoom-in', 'title') === 'Zoom in (Ctrl+wheel)', 'back to English: toolbar');
  check(await attr('html', 'lang') === 'en', 'back to English: html lang');
  check(h.pageErrors.length === 0 && h.cspErrors.length === 0, `no page or CSP errors: ${[...h.pageErrors, ...h.cspErrors].join('; ')}`);
} catch (e) {
  failed++;
  console.log(`FAIL ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed (screenshots in test-output/zh/)`);
process.exitCode = failed ? 1 : 0;
