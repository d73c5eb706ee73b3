// UI tests of what a user sees: installs the packaged extension (.vsix) into a fresh code-server profile,
// opens a copy of examples/ in the workbench in headless Chromium, and runs test/ui/suite.ts with
// playwright-core. Screenshots go to test-output/ui/ (--update-screenshot also copies the editor with
// its preview to media/screenshot.png for the README).
// Usage: node --import tsx scripts/run-ui-tests.mjs [EXTENSION.vsix] [--update-screenshot]
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { exampleWorkspace, freshProfile, installCodeServer, installVsix, launchChromium, OUTPUT, ROOT, seconds, startCodeServer } from './code-server.mjs';
import { uiTests } from '../test/ui/suite.ts';
import { exerciseUiTests } from '../test/ui/exercise.ts';
import { runUiCases } from './ui-cases.mjs';

const t0 = Date.now();
const args = process.argv.slice(2);
const updateScreenshot = args.includes('--update-screenshot');
let vsix = args.find((a) => a.endsWith('.vsix'));
vsix = vsix ? resolve(vsix) : readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => join(ROOT, f)).sort().pop();
if (!vsix || !existsSync(vsix)) {
  console.error('no .vsix to test: run npm run package first (or npm run test:ui, which packages it)');
  process.exit(1);
}

const bin = installCodeServer();
const profile = freshProfile('ui');
const workspace = exampleWorkspace(profile);
const tInstall = Date.now();
installVsix(bin, profile, vsix);
console.log(`installed ${relative(ROOT, vsix)} into a fresh profile in ${seconds(tInstall)} s`);
const server = await startCodeServer({ bin, profile, folder: workspace });
const shots = join(OUTPUT, 'ui');
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
const screenshots = [];
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => console.log(`  [page error] ${String(e).slice(0, 200)}`));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  const ctx = { page, workspace, shots, screenshots };
  ({ passed, failed } = await runUiCases([...uiTests, ...exerciseUiTests], ctx, shots));
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}

const main = screenshots.find((s) => s.endsWith('editor-with-preview.png'));
if (updateScreenshot && main && failed === 0) {
  copyFileSync(main, join(ROOT, 'media/screenshot.png'));
  console.log('copied the screenshot to media/screenshot.png');
  const practice = screenshots.find((s) => s.endsWith('exercise-practice.png'));
  if (practice) copyFileSync(practice, join(ROOT, 'media/exercise-practice.png'));
}
console.log(`\nscreenshots: ${screenshots.map((s) => relative(ROOT, s)).join(', ') || '(none)'}`);
console.log(`UI tests (code-server ${server.url}, workbench in Chromium): ${seconds(t0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
