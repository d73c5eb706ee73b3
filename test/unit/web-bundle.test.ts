// The web extension bundle (package.json `browser`): built as packaged (minified), it may import only `vscode`,
// use no Node global, and stay under 250 KB (the webview's Mermaid bundle is a separate file). The checks
// themselves are tested on small bundles that break each rule, so that they cannot pass by accident.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { webBundleOptions, webBundleProblems, WEB_BUNDLE_MAX_BYTES, WEB_ENTRY, WEB_OUTFILE } from '../../scripts/web-bundle.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

interface Built { metafile: esbuild.Metafile; code: string }

/** Builds `entry` with the web bundle's options in memory (nothing written). */
async function buildWeb(entry: string, production = true): Promise<Built> {
  const options = webBundleOptions({ production, entry, outfile: join(ROOT, 'out/web-bundle-test/extension.js') });
  const result = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, sourcemap: false });
  const js = result.outputFiles?.find((f) => f.path.endsWith('.js'));
  assert.ok(js && result.metafile, 'esbuild returned the bundle and its metafile');
  return { metafile: result.metafile, code: js.text };
}

/** A throwaway entry file holding `source`. */
function withEntry<T>(source: string, run: (entry: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tcpseq-web-bundle-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, source);
  return run(entry).finally(() => rmSync(dir, { recursive: true, force: true }));
}

test('package.json names the web bundle as its browser entry beside main', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.browser, `./${WEB_OUTFILE}`);
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.capabilities?.virtualWorkspaces, true);
  assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
});

test('the web bundle imports only vscode, uses no Node global, and is under 250 KB minified', async () => {
  const { metafile, code } = await buildWeb(WEB_ENTRY);
  assert.deepEqual(webBundleProblems(metafile, code), []);
  const nodeInputs = Object.keys(metafile.inputs).filter((f) => f.startsWith('node:') || f.includes('node_modules/@types/node'));
  assert.deepEqual(nodeInputs, []);
  const kb = new TextEncoder().encode(code).byteLength / 1024;
  assert.ok(kb < WEB_BUNDLE_MAX_BYTES / 1024, `web bundle ${kb.toFixed(0)} KB`);
  // Mermaid stays in the webview's own bundle (media/preview.js), not in the extension
  assert.equal(Object.keys(metafile.inputs).some((f) => f.includes('node_modules/mermaid')), false);
});

test('no file of the extension imports a Node built-in (src/extension/**)', async () => {
  const { metafile } = await buildWeb(WEB_ENTRY, false);
  const ours = Object.entries(metafile.inputs).filter(([f]) => f.startsWith('src/'));
  assert.ok(ours.some(([f]) => f.startsWith('src/extension/')), 'the bundle holds the extension sources');
  for (const [file, input] of ours) {
    const builtins = input.imports.filter((i) => i.path.startsWith('node:') || ['fs', 'path', 'os', 'crypto', 'child_process', 'util', 'url'].includes(i.path));
    assert.deepEqual(builtins.map((i) => i.path), [], `${file} imports Node built-ins`);
  }
});

test('the build fails at an import of a Node built-in, naming the importer', async () => {
  for (const source of ["import { readFileSync } from 'node:fs'; export const x = readFileSync;", "import * as path from 'path'; export const j = path.join;"]) {
    await withEntry(source, async (entry) => {
      await assert.rejects(buildWeb(entry), (e: Error) => /Node built-in "(node:fs|path)" imported by .*entry\.ts/.test(e.message));
    });
  }
});

test('the checks find Node globals, requires other than vscode, and an oversized bundle', async () => {
  await withEntry("export const home = process.env.HOME; export const b = Buffer.from('x');", async (entry) => {
    const { metafile, code } = await buildWeb(entry);
    assert.match(webBundleProblems(metafile, code).join('\n'), /Node global "process\.env"/);
  });
  await withEntry("import * as vscode from 'vscode'; export const v = vscode.version;", async (entry) => {
    const { metafile, code } = await buildWeb(entry);
    assert.deepEqual(webBundleProblems(metafile, code), []);
    assert.match(webBundleProblems(metafile, code, { maxBytes: 10 }).join('\n'), /more than 0 KB/);
    const withFs = { outputs: { 'x.js': { ...Object.values(metafile.outputs)[0]!, imports: [{ path: 'fs', kind: 'require-call' as const, external: true }] } } };
    assert.match(webBundleProblems(withFs, code).join('\n'), /imports "fs"/);
  });
});
