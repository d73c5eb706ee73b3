// The web extension bundle (package.json `browser`): built as packaged (minified), it may import only `vscode`,
// use no Node global, and stay under 250 KB (the webview's Mermaid bundle is a separate file). Its messages are
// not in it but in dist/web/l10n/LANG.json, every one of them, installed at run time; the CLI's are in neither.
// The checks themselves are tested on small bundles that break each rule, so that they cannot pass by accident.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { CATALOGS } from '../../src/core/i18n/catalogs.ts';
import { LANGS, type Catalog, type Lang } from '../../src/core/i18n/types.ts';
import {
  catalogLangs, catalogStandIns, CLI_AREAS, extensionCatalogFiles, webBundleOptions, webBundleProblems, writeWebCatalogs,
  WEB_BUNDLE_MAX_BYTES, WEB_ENTRY, WEB_L10N_DIR, WEB_OUTFILE,
// @ts-expect-error: a plain .mjs build script without type declarations
} from '../../scripts/web-bundle.mjs';

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

// ---- the messages: beside the web bundle, not in it --------------------------------------------------

/** The ids of the CLI's catalog area (left out of the extension bundles). */
async function cliIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const area of CLI_AREAS as string[]) {
    const mod = (await import(join(ROOT, 'src/core/i18n/catalog', `${area}.en.ts`))) as Record<string, Catalog>;
    for (const c of Object.values(mod)) for (const id of Object.keys(c)) ids.add(id);
  }
  return ids;
}

/** A module of the web bundle's sources, built with its options (catalog stand-ins included) and evaluated here. */
async function evaluateWeb<T>(source: string): Promise<T> {
  return withEntry(source, async (entry) => {
    const options = webBundleOptions({ production: false, entry, outfile: join(ROOT, 'out/web-bundle-test/probe.js') });
    const result = await esbuild.build({ ...options, absWorkingDir: ROOT, write: false, sourcemap: false, format: 'esm', metafile: false });
    return (await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles![0]!.text).toString('base64')}`)) as T;
  });
}

test('the web bundle holds no message catalog and no CLI message id', async () => {
  const { metafile, code } = await buildWeb(WEB_ENTRY);
  const catalogs = Object.keys(metafile.inputs).filter((f) => f.includes('i18n/catalog/') && !f.startsWith('catalog-stand-in:'));
  assert.deepEqual(catalogs, [], 'catalog files bundled');
  assert.ok(Object.keys(metafile.inputs).some((f) => f.startsWith('catalog-stand-in:')), 'the catalogs are stand-ins');
  assert.doesNotMatch(code, /[\u4e00-\u9fff]{2}/, 'Chinese text in the web bundle');
  // ids are string literals: no code of the extension asks for a message only the CLI has
  assert.doesNotMatch(code, /["'`]cli\./, 'a cli.* id in the web bundle');
});

test('the build writes every language\'s messages to dist/web/l10n/LANG.json: each id of its catalog but the CLI\'s', async () => {
  assert.deepEqual(catalogLangs(), [...LANGS].sort());
  const dir = mkdtempSync(join(tmpdir(), 'tcpseq-web-l10n-'));
  try {
    const written = (await writeWebCatalogs(dir)) as string[];
    assert.deepEqual(written.map((f) => f.slice(dir.length + 1)).sort(), LANGS.map((l) => `${l}.json`).sort());
    const cli = await cliIds();
    assert.ok(cli.size > 20, `${cli.size} CLI ids`);
    for (const lang of LANGS) {
      const json = JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Record<string, string>;
      const expected = Object.entries(CATALOGS[lang]).filter(([id]) => !cli.has(id));
      assert.ok(expected.length > 500, `${lang}: ${expected.length} ids`);
      assert.deepEqual(json, Object.fromEntries(expected), `${lang}.json has each id of the ${lang} catalog with its text`);
      assert.deepEqual(Object.keys(json).filter((id) => cli.has(id)), [], `${lang}.json has no CLI message`);
    }
    assert.match(JSON.parse(readFileSync(join(dir, 'zh-cn.json'), 'utf8'))['exercise.report.unfilled'], /[\u4e00-\u9fff]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // the extension's catalog files are those of every area but the CLI's
  const areas = (lang: Lang) => readdirSync(join(ROOT, 'src/core/i18n/catalog')).filter((f) => f.endsWith(`.${lang}.ts`) && !(CLI_AREAS as string[]).some((a) => f === `${a}.${lang}.ts`));
  for (const lang of LANGS) assert.deepEqual((extensionCatalogFiles(lang) as string[]).map((f) => f.split('/').pop()), areas(lang).sort());
  assert.equal(WEB_L10N_DIR, 'dist/web/l10n');
});

test('in the web bundle messages are ids until installed; installed from the JSON they read as in the CLI', async () => {
  interface I18n {
    formatText(lang: Lang, text: { id: string; params?: Record<string, unknown> }): string;
    installCatalog(lang: Lang, entries: Catalog): void;
    hasCatalog(lang: Lang): boolean;
  }
  const i18n = await evaluateWeb<I18n>("export { formatText } from './src/core/i18n/format.ts'; export { installCatalog, hasCatalog } from './src/core/i18n/catalogs.ts';".replace(/\.\/src/g, `${ROOT}/src`));
  const text = { id: 'exercise.report.score', params: { file: 'a.tcpseq', score: 3, max: 4 } };
  assert.equal(i18n.hasCatalog('en'), false);
  assert.equal(i18n.hasCatalog('zh-cn'), false);
  assert.equal(i18n.formatText('en', text), 'exercise.report.score');
  const dir = mkdtempSync(join(tmpdir(), 'tcpseq-web-l10n-'));
  try {
    await writeWebCatalogs(dir);
    i18n.installCatalog('en', JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')));
    assert.equal(i18n.formatText('zh-cn', text), 'a.tcpseq: 3/4', 'English until the Chinese is installed');
    i18n.installCatalog('zh-cn', JSON.parse(readFileSync(join(dir, 'zh-cn.json'), 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(i18n.hasCatalog('en') && i18n.hasCatalog('zh-cn'));
  const { formatText } = await import('../../src/core/i18n/format.ts');
  for (const lang of LANGS) {
    for (const id of ['exercise.report.summary', 'wrong-ack', 'editor.hover.old', 'extension.preview.title']) {
      assert.ok(id in CATALOGS.en, id);
      const t = { id, params: { count: 2, mean: 3, max: 4, line: 5, kind: 'ack', wrong: 1, name: 'x', expected: 'y+1', why: 'z', found: 7, sender: 'a', receiver: 'b' } };
      assert.equal(i18n.formatText(lang, t), formatText(lang, t), `${lang} ${id}`);
    }
  }
});

test('catalog stand-ins leave out exactly the areas and languages asked for, keeping the export names', async () => {
  const source = `import { cliEn } from '${ROOT}/src/core/i18n/catalog/cli.en.ts'; import { exerciseZh } from '${ROOT}/src/core/i18n/catalog/exercise.zh-cn.ts';
    import { exerciseEn } from '${ROOT}/src/core/i18n/catalog/exercise.en.ts';
    export const sizes = [cliEn, exerciseZh, exerciseEn].map((c) => Object.keys(c).length);`;
  const build = (plugins: esbuild.Plugin[]) => withEntry(source, async (entry) => {
    const r = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent', plugins });
    return ((await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0]!.text).toString('base64')}`)) as { sizes: number[] }).sizes;
  });
  const all = await build([]);
  assert.ok(all.every((n) => n > 5), `${all}`);
  const [cli, zh, en] = await build([catalogStandIns({ areas: ['cli'], langs: ['zh-cn'] })]);
  assert.deepEqual([cli, zh, en], [0, 0, all[2]]);
  assert.deepEqual(await build([catalogStandIns({ areas: ['cli'] })]), [0, all[1], all[2]]);
});
