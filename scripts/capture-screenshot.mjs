// The README's capture screenshot (media/capture.png): packages the extension, installs it into a fresh
// code-server profile, runs "TCP Sequence: Open Capture…" on a real loopback capture in the workbench
// (typing its path in the file dialog) and photographs the imported file with its diagram.
// Usage: node --import tsx scripts/capture-screenshot.mjs   (wrap in flock /tmp/tcpseq-vscode.lock)
import { copyFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { exampleWorkspace, freshProfile, installCodeServer, installVsix, launchChromium, OUTPUT, ROOT, startCodeServer } from './code-server.mjs';
import { previewFrame, quickOpen, until, waitForWorkbench, TIMEOUT_MS } from '../test/ui/workbench.ts';

const vsix = join(ROOT, '.vscode-test', 'tcpseq-capture.vsix');
const built = spawnSync(process.execPath, ['scripts/package.mjs', '--out', vsix], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const bin = installCodeServer();
const profile = freshProfile('capture-shot', { 'workbench.colorTheme': 'Default Light Modern' });
const workspace = exampleWorkspace(profile);
copyFileSync(join(ROOT, 'test/fixtures/captures/halfclose.pcapng'), join(workspace, 'halfclose.pcapng'));
installVsix(bin, profile, vsix);
const server = await startCodeServer({ bin, profile, folder: workspace });
const browser = await launchChromium();
const out = join(OUTPUT, 'capture');
mkdirSync(out, { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await waitForWorkbench(page);
  await quickOpen(page, '11-half-close.tcpseq'); // the extension's contributions are loaded once a tcpseq file opens
  await page.locator('.statusbar-item', { hasText: 'client:' }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+K');
  await page.keyboard.press('W'); // close it again: the screenshot shows only the import
  const input = page.locator('.quick-input-widget input');
  await page.keyboard.press('Control+Shift+P');
  await input.waitFor({ state: 'visible' });
  await input.fill('>Open Capture');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Capture' }).first().waitFor();
  await page.screenshot({ path: join(out, 'palette.png') });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1000);
  await input.fill(join(workspace, 'halfclose.pcapng'));
  await page.keyboard.press('Enter');
  await until('the diagram of the imported capture', async () => ((await previewFrame(page).locator('#diagram svg').count()) > 0 ? true : undefined), 60_000);
  await page.keyboard.press('Control+B'); // hide the side bar: more room for the file and its diagram
  await page.mouse.move(800, 880); // no tooltip over the editor
  await page.waitForTimeout(1500);
  const file = join(out, 'capture.png');
  await page.screenshot({ path: file });
  copyFileSync(file, join(ROOT, 'media/capture.png'));
  console.log('wrote media/capture.png');
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
