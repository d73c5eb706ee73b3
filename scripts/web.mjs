// `npm run web`: VS Code for the Web on this machine, with tcpseq loaded from its `browser` entry (the way
// vscode.dev runs it) and the examples/ folder open. Uses the VS Code web build from npm set up by
// scripts/install-test-web.sh (no download from Microsoft's servers) served by @vscode/test-web; you open
// the printed address in Chrome, Chromium or Edge. Edits stay in the browser's memory (examples/ is not changed).
// Usage: node scripts/web.mjs [--port 3000] [FOLDER]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './code-server.mjs';
import { WEB_OUTFILE } from './web-bundle.mjs';

const { values, positionals } = parseArgs({ options: { port: { type: 'string', default: '3000' } }, allowPositionals: true });
const port = Number(values.port);
const folder = resolve(positionals[0] ?? resolve(ROOT, 'examples'));
if (!Number.isInteger(port) || port <= 0 || port > 65535) { console.error(`--port wants a port number, not "${values.port}"`); process.exitCode = 2; }
else if (!existsSync(resolve(ROOT, WEB_OUTFILE))) { console.error(`${WEB_OUTFILE} is missing: run npm run build first`); process.exitCode = 1; }
else if (!existsSync(folder)) { console.error(`no folder ${folder}`); process.exitCode = 1; }
else {
  const setup = spawnSync('bash', [resolve(ROOT, 'scripts/install-test-web.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', env: { ...process.env, TCPSEQ_NO_CHROMIUM: '1' } });
  if (setup.status !== 0) { console.error('the VS Code web build could not be installed (see above)'); process.exitCode = 1; }
  else {
    const [dataDir, commit] = setup.stdout.trim().split('\n').slice(-2);
    const testWeb = createRequire(import.meta.url)('@vscode/test-web');
    // 'localhost', not 127.0.0.1: the preview's webview is served from a <uuid>.localhost address
    await testWeb.open({ browserType: 'none', host: 'localhost', port, quality: 'stable', commit, testRunnerDataDir: dataDir,
      extensionDevelopmentPath: ROOT, folderPath: folder, printServerLog: false });
    console.log(`\nVS Code for the Web with tcpseq: open http://localhost:${port}/ in Chrome, Chromium or Edge (${folder} is the workspace).`);
    console.log('Ctrl+C stops it.');
  }
}
