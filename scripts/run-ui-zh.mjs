// The Chinese UI test: the packaged extension in a fresh code-server profile whose user settings say
// `tcpseq.language: zh-cn` (the workbench stays English: no language pack), driven in headless Chromium by
// test/ui/zh.ts. Needs a CJK font for readable screenshots (scripts/install-code-server.sh installs
// fonts-wqy-microhei). Screenshots go to test-output/ui-zh/.
// Usage: node --import tsx scripts/run-ui-zh.mjs EXTENSION.vsix
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { exampleWorkspace, freshProfile, installCodeServer, installVsix, launchChromium, OUTPUT, ROOT, seconds, startCodeServer } from './code-server.mjs';
import { zhUiTests } from '../test/ui/zh.ts';
import { runUiCases } from './ui-cases.mjs';

const t0 = Date.now();
const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!vsix || !existsSync(vsix)) {
  console.error('usage: node --import tsx scripts/run-ui-zh.mjs EXTENSION.vsix (npm run test:ui:zh packages it)');
  process.exit(2);
}
const bin = installCodeServer();
const profile = freshProfile('ui-zh', { 'tcpseq.language': 'zh-cn' });
const workspace = exampleWorkspace(profile);
installVsix(bin, profile, vsix);
const server = await startCodeServer({ bin, profile, folder: workspace });
const shots = join(OUTPUT, 'ui-zh');
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
const screenshots = [];
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  const ctx = { page, workspace, shots, screenshots };
  ({ passed, failed } = await runUiCases(zhUiTests, ctx, shots));
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`\nscreenshots: ${screenshots.map((s) => relative(ROOT, s)).join(', ') || '(none)'}`);
console.log(`Chinese UI tests (code-server ${server.url}, English workbench, tcpseq.language zh-cn): ${seconds(t0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
