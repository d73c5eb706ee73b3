// Shared by the test runners and `npm start`: install code-server (cached in .vscode-test/), make a fresh
// profile, start code-server on 127.0.0.1 in its own process group, stop it with the whole group, and
// launch the system's Chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, '.vscode-test');
export const OUTPUT = join(ROOT, 'test-output');

export const CHROMIUM = process.env.CHROMIUM_PATH
  ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
  ?? '/usr/bin/chromium';

/** Seconds since `t0` (a Date.now()), one decimal. */
export const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

/** Installs code-server when missing (apt-get for system packages as root); returns the launcher's path. */
export function installCodeServer() {
  const r = spawnSync('bash', [join(ROOT, 'scripts/install-code-server.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    console.error('code-server could not be installed (see the lines above); the tests in VS Code cannot run.');
    process.exit(1);
  }
  const bin = r.stdout.trim().split('\n').pop();
  if (!bin || !existsSync(bin)) { console.error(`code-server launcher not found at "${bin}"`); process.exit(1); }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH`);
    process.exit(1);
  }
  return bin;
}

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.colorTheme': 'Default Light Modern',
};

/** A new, empty profile under .vscode-test/<name>/: user data (with settings), extensions, XDG folders. */
export function freshProfile(name, settings = {}) {
  const dir = join(CACHE, name);
  rmSync(dir, { recursive: true, force: true });
  const p = {
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    xdgConfig: join(dir, 'xdg-config'),
    xdgData: join(dir, 'xdg-data'),
    log: join(dir, 'code-server.log'),
  };
  for (const d of [join(p.userData, 'User'), p.extensions, p.xdgConfig, p.xdgData]) mkdirSync(d, { recursive: true });
  writeFileSync(join(p.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2) + '\n');
  return p;
}

/** A copy of examples/ (with mistakes/) to open as the workspace, so that nothing the tests do touches the repo. */
export function exampleWorkspace(profile) {
  const ws = join(profile.dir, 'workspace');
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  return ws;
}

function env(profile, extra = {}) {
  return { ...process.env, XDG_CONFIG_HOME: profile.xdgConfig, XDG_DATA_HOME: profile.xdgData, ...extra };
}

/** Installs a .vsix into the profile (about a second). */
export function installVsix(bin, profile, vsix) {
  const r = spawnSync(bin, ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--install-extension', vsix],
    { env: env(profile), encoding: 'utf8' });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolvePort(port)); });
  });
}

/**
 * Starts code-server on 127.0.0.1 in a new process group (its file watchers outlive the main process, so
 * `stop()` signals the whole group), and waits until /healthz answers.
 */
export async function startCodeServer({ bin, profile, folder, port, extraEnv = {}, timeoutMs = 60_000 }) {
  port ??= await freePort();
  const out = openSync(profile.log, 'a');
  const child = spawn(bin, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, folder,
  ], { detached: true, stdio: ['ignore', out, out], env: env(profile, extraEnv) });
  let exited = false;
  let exitCode = null;
  const exit = new Promise((r) => child.on('exit', (code) => { exited = true; exitCode = code; r(); }));
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const killer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exit;
    clearTimeout(killer);
  };
  const onSignal = (sig) => { void stop().then(() => process.exit(sig === 'SIGINT' ? 130 : 143)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => { if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited (code ${exitCode}) before it was ready; see ${profile.log}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s; see ${profile.log}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, host: `127.0.0.1:${port}`, pid: child.pid, stop, exited: () => exited, done: exit };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium (the system's) through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
