// `npm start`: builds the extension, packages the VSIX, and opens it on the examples folder:
//   - in your VS Code when the `code` command is on PATH (--extensionDevelopmentPath, so it runs from source);
//   - otherwise in code-server on 127.0.0.1 (installed once into .vscode-test/) with the VSIX installed,
//     printing the URL to open in a browser. It runs until Ctrl+C.
// TCPSEQ_START=code-server forces the second way; PORT chooses the port (default 8080, or a free one).
import { spawnSync, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, freshProfile, installCodeServer, installVsix, ROOT, seconds, startCodeServer } from './code-server.mjs';

const t0 = Date.now();
const examples = join(ROOT, 'examples');
const out = execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const vsix = out.trim().split('\n').pop();
console.log(`built and packaged ${vsix} in ${seconds(t0)} s`);

const hasCode = process.env.TCPSEQ_START !== 'code-server' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  // runs the extension from this folder (dist/), the way extension authors do
  const r = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit' });
  if (r.status === 0) {
    console.log(`opened ${examples} in VS Code with the extension from ${ROOT}`);
    console.log(`(to install the packaged extension instead: code --install-extension ${vsix})`);
  }
  process.exit(r.status ?? 1);
}

console.log('no `code` command found: starting code-server (VS Code in the browser) instead');
const bin = installCodeServer();
const profile = freshProfile('start', { 'workbench.colorTheme': 'Default Dark Modern' });
installVsix(bin, profile, vsix);
let port = Number(process.env.PORT ?? 8080);
const taken = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
if (taken) port = await freePort();
const server = await startCodeServer({ bin, profile, folder: examples, port });
const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;
console.log(`\nVS Code (code-server) with the tcpseq extension is running on the examples folder:\n\n  ${url}\n`);
console.log(`log: ${profile.log}\nPress Ctrl+C to stop.`);
await server.done;
console.log('code-server stopped');
