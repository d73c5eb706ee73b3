// UI tests of what a user sees: installs the packaged extension (.vsix) into a fresh code-server profile,
// opens a copy of examples/ in the workbench in headless Chromium, and runs test/ui/suite.ts with
// playwright-core. Screenshots go to test-output/ui/ (--update-screenshot also copies the editor with
// its preview to media/screenshot.png for the README).
// Usage: node --import tsx scripts/run-ui-tests.mjs [EXTENSION.vsix] [--update-screenshot]
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, seconds } from './code-server.mjs';
import { uiTests } from '../test/ui/suite.ts';
import { exerciseUiTests } from '../test/ui/exercise.ts';
import { runUiSuite } from './ui-cases.mjs';

const t0 = Date.now();
const args = process.argv.slice(2);
const updateScreenshot = args.includes('--update-screenshot');
let vsix = args.find((a) => a.endsWith('.vsix'));
vsix = vsix ? resolve(vsix) : readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => join(ROOT, f)).sort().pop();
if (!vsix || !existsSync(vsix)) {
  console.error('no .vsix to test: run npm run package first (or npm run test:ui, which packages it)');
  process.exit(1);
}

const { passed, failed, screenshots, url } = await runUiSuite({ name: 'ui', vsix, cases: [...uiTests, ...exerciseUiTests] });

const main = screenshots.find((s) => s.endsWith('editor-with-preview.png'));
if (updateScreenshot && main && failed === 0) {
  copyFileSync(main, join(ROOT, 'media/screenshot.png'));
  console.log('copied the screenshot to media/screenshot.png');
  const practice = screenshots.find((s) => s.endsWith('exercise-practice.png'));
  if (practice) copyFileSync(practice, join(ROOT, 'media/exercise-practice.png'));
}
console.log(`UI tests (code-server ${url}, workbench in Chromium): ${seconds(t0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
