// Runs the extension-host suite (out/test/exthost, built by scripts/build-tests.mjs) inside a real VS Code:
// code-server on 127.0.0.1 with a fresh profile, opened in headless Chromium with the payload that makes the
// workbench load this extension (extensionDevelopmentPath) and run the suite (extensionTestsPath), the same
// mechanism as @vscode/test-electron. The suite reports its exit code through codeAutomationExit.
// Usage: node scripts/run-exthost-tests.mjs   (TCPSEQ_TEST_GREP=pattern to run some tests only)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, freshProfile, installCodeServer, launchChromium, ROOT, seconds, startCodeServer } from './code-server.mjs';
import { useDisplayLanguage } from './display-language.mjs';

const SUITE_TIMEOUT_MS = Number(process.env.TCPSEQ_EXTHOST_TIMEOUT_MS ?? 300_000);
const t0 = Date.now();
const suite = join(ROOT, 'out/test/exthost/index.js');
for (const f of [suite, join(ROOT, 'dist/extension.js')]) {
  if (!existsSync(f)) { console.error(`${f} is missing: run npm run build && node scripts/build-tests.mjs first`); process.exit(1); }
}
const bin = installCodeServer();
const profile = freshProfile('exthost');
// TCPSEQ_EXTHOST_LOCALE=zh-cn: the workbench's display language (and the suites written for it; see test/exthost/zh.test.ts)
if (process.env.TCPSEQ_EXTHOST_LOCALE) useDisplayLanguage(profile, process.env.TCPSEQ_EXTHOST_LOCALE);
const workspace = exampleWorkspace(profile);
const resultsFile = join(profile.dir, 'results.json');
rmSync(resultsFile, { force: true });

const server = await startCodeServer({ bin, profile, folder: workspace, extraEnv: { TCPSEQ_EXTHOST_RESULTS: resultsFile, TCPSEQ_EXTHOST_LOCALE: process.env.TCPSEQ_EXTHOST_LOCALE ?? '' } });
const remote = (p) => `vscode-remote://${server.host}${p}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(ROOT)],
  ['extensionTestsPath', remote(suite)],
  ['skipWelcome', 'true'],
]);
console.log(`code-server ready at ${server.url} after ${seconds(t0)} s; running the extension-host suite`);

let code;
let started = false;
const START_TIMEOUT_MS = 90_000;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  // The extension host's console arrives in the page's console: show the suite's own lines.
  page.on('console', (m) => {
    const t = m.text();
    const i = t.indexOf('[tcpseq] ');
    if (i >= 0) { started = true; console.log(t.slice(i + 9).trimEnd()); }
    else if (m.type() === 'error' && /tcpseq|extension host/i.test(t)) console.log(`[workbench] ${t.slice(0, 300)}`);
  });
  code = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`timeout after ${SUITE_TIMEOUT_MS / 1000} s`), SUITE_TIMEOUT_MS);
    // the workbench may ignore the payload (seen with code-server 4.139): say so instead of waiting for the full timeout
    setTimeout(() => { if (!started) resolve(`the suite did not start within ${START_TIMEOUT_MS / 1000} s (extensionDevelopmentPath / extensionTestsPath ignored?)`); }, START_TIMEOUT_MS);
    void page.exposeFunction('codeAutomationExit', (c) => { clearTimeout(timer); resolve(c); });
    void page.exposeFunction('codeAutomationLog', () => {});
    void page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  });
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}

let result;
try { result = JSON.parse(readFileSync(resultsFile, 'utf8')); } catch { result = undefined; }
if (result) {
  for (const f of result.failures) console.log(`\nFAILED: ${f.title}\n${f.error.split('\n').slice(0, 12).join('\n')}`);
  console.log(`\nextension-host tests (VS Code ${result.vscodeVersion} in code-server, Node ${result.nodeVersion}): ` +
    `suite ${(result.durationMs / 1000).toFixed(1)} s, total ${seconds(t0)} s`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
} else {
  console.log(`\nthe suite did not report (exit code ${code}); see ${profile.log}`);
  console.log('0 passed, 1 failed');
}
process.exit(code === 0 && result && result.failed === 0 && result.passed > 0 ? 0 : 1);
