// What both UI runners share: the packaged extension installed into a fresh code-server profile, the
// workbench opened on a copy of examples/ in headless Chromium, and each case run on it with ✓/✗ and a
// failure screenshot. A case is { name, run(ctx) }; ctx is { page, workspace, shots, screenshots }.
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { exampleWorkspace, freshProfile, installCodeServer, installVsix, launchChromium, OUTPUT, ROOT, seconds, startCodeServer } from './code-server.mjs';

/**
 * Runs `cases` in a fresh profile named `name` (user settings `settings`) with `vsix` installed.
 * Screenshots go to test-output/NAME/. Returns the counts, the screenshots taken and the server's address.
 */
export async function runUiSuite({ name, settings = {}, vsix, cases }) {
  const bin = installCodeServer();
  const profile = freshProfile(name, settings);
  const workspace = exampleWorkspace(profile);
  const tInstall = Date.now();
  installVsix(bin, profile, vsix);
  console.log(`installed ${relative(ROOT, vsix)} into a fresh profile in ${seconds(tInstall)} s`);
  const server = await startCodeServer({ bin, profile, folder: workspace });
  const shots = join(OUTPUT, name);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const screenshots = [];
  let passed = 0;
  let failed = 0;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => console.log(`  [page error] ${String(e).slice(0, 200)}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const ctx = { page, workspace, shots, screenshots };
    for (const [i, t] of cases.entries()) {
      const started = Date.now();
      try {
        await t.run(ctx);
        passed++;
        console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        const file = join(shots, `failure-${i + 1}.png`);
        await page.screenshot({ path: file }).catch(() => {});
        console.log(`  ✗ ${t.name}\n      ${String(e instanceof Error ? e.message : e).split('\n').slice(0, 6).join('\n      ')}\n      screenshot: ${relative(ROOT, file)}`);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  console.log(`\nscreenshots: ${screenshots.map((s) => relative(ROOT, s)).join(', ') || '(none)'}`);
  return { passed, failed, screenshots, url: server.url };
}
