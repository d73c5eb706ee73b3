// The Chinese UI test: the packaged extension in a fresh code-server profile whose user settings say
// `tcpseq.language: zh-cn` (the workbench stays English: no language pack), driven in headless Chromium by
// test/ui/zh.ts. Needs a CJK font for readable screenshots (scripts/install-code-server.sh installs
// fonts-wqy-microhei). Screenshots go to test-output/ui-zh/.
// Usage: node --import tsx scripts/run-ui-zh.mjs EXTENSION.vsix
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { seconds } from './code-server.mjs';
import { zhUiTests } from '../test/ui/zh.ts';
import { runUiSuite } from './ui-cases.mjs';

const t0 = Date.now();
const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!vsix || !existsSync(vsix)) {
  console.error('usage: node --import tsx scripts/run-ui-zh.mjs EXTENSION.vsix (npm run test:ui:zh packages it)');
  process.exit(2);
}
const { passed, failed, url } = await runUiSuite({ name: 'ui-zh', settings: { 'tcpseq.language': 'zh-cn' }, vsix, cases: zhUiTests });
console.log(`Chinese UI tests (code-server ${url}, English workbench, tcpseq.language zh-cn): ${seconds(t0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
