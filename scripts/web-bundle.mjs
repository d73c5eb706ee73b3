// The web extension bundle (package.json `browser`: dist/web/extension.js), run by VS Code for the Web
// (vscode.dev, github.dev, code-server's web worker extension host): one CommonJS file for a web worker,
// `vscode` external, and no Node API on its path. Used by scripts/build.mjs and test/unit/web-bundle.test.ts.
// The web bundle holds no message catalog: the build writes each language's messages to dist/web/l10n/LANG.json
// (English and Chinese: ~110 KB that would otherwise be half the bundle), and the extension installs English
// and the language it speaks from there before its first message (src/extension/language/loadCatalogs.ts).
// Neither extension bundle holds the CLI's messages (catalog area `cli`).
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_ENTRY = 'src/extension/extension.ts';
export const WEB_OUTFILE = 'dist/web/extension.js';
/** The catalog folder: `AREA.LANG.ts` files, each exporting one object of messages. */
export const CATALOG_DIR = 'src/core/i18n/catalog';
/** The catalog area only the command line uses: left out of both extension bundles. */
export const CLI_AREAS = ['cli'];
/** Where the web bundle's messages go, one LANG.json per language (read by the extension at run time). */
export const WEB_L10N_DIR = 'dist/web/l10n';
/** The shipped (minified) web bundle must stay below this; the webview's Mermaid bundle is a separate file. */
export const WEB_BUNDLE_MAX_BYTES = 250 * 1024;

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (path) => NODE_BUILTINS.has(path) || NODE_BUILTINS.has(path.split('/')[0]) || path.startsWith('node:');

/** Fails the build at the import of a Node built-in, naming the file that imports it. */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isNodeBuiltin(args.path)) return undefined;
      return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer}: the web extension runs in a web worker without Node (use vscode.workspace.fs / vscode.Uri)` }] };
    });
  },
};

const CATALOG_FILE = /^([a-z0-9-]+)\.([a-z-]+)\.ts$/;

/** The languages of the catalogs (the LANG of every catalog/AREA.LANG.ts): all of them are left out of the web bundle. */
export function catalogLangs(root = ROOT) {
  return [...new Set(readdirSync(join(root, CATALOG_DIR)).map((f) => CATALOG_FILE.exec(f)?.[2]).filter(Boolean))].sort();
}

/**
 * Leaves catalog files out of a bundle: each `catalog/AREA.LANG.ts` whose area is in `areas` or whose language
 * is in `langs` becomes a stand-in that exports the same names as empty objects, so `catalogs.ts` spreads nothing.
 */
export function catalogStandIns({ areas = [], langs = [] }) {
  return {
    name: 'catalog-stand-ins',
    setup(build) {
      build.onResolve({ filter: /\/catalog\/[a-z0-9-]+\.[a-z-]+\.ts$/ }, (args) => {
        const m = CATALOG_FILE.exec(basename(args.path));
        if (!m || !(areas.includes(m[1]) || langs.includes(m[2]))) return undefined;
        return { path: resolve(args.resolveDir, args.path), namespace: 'catalog-stand-in' };
      });
      build.onLoad({ filter: /.*/, namespace: 'catalog-stand-in' }, (args) => {
        const names = [...readFileSync(args.path, 'utf8').matchAll(/^export const (\w+)/gm)].map((x) => x[1]);
        return { contents: names.map((n) => `export const ${n} = {};`).join('\n'), loader: 'js' };
      });
    },
  };
}

/** The catalog files of `lang` the extension has (every area but the CLI's), as paths from the root. */
export function extensionCatalogFiles(lang, root = ROOT) {
  return readdirSync(join(root, CATALOG_DIR)).filter((f) => {
    const m = CATALOG_FILE.exec(f);
    return m && m[2] === lang && !CLI_AREAS.includes(m[1]);
  }).sort().map((f) => `${CATALOG_DIR}/${f}`);
}

/** The messages of `lang` the extension has, read from the TypeScript catalogs (bundled and evaluated here). */
export async function extensionMessages(lang, root = ROOT) {
  const files = extensionCatalogFiles(lang, root);
  const contents = files.map((f, i) => `import * as m${i} from './${f}';`).join('\n')
    + `\nexport default Object.assign({}, ${files.map((_, i) => `...Object.values(m${i})`).join(', ')});`;
  const result = await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  const code = result.outputFiles[0].text;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)).default;
}

/** Writes DIR/LANG.json for each language (the web bundle holds none); returns the paths written. */
export async function writeWebCatalogs(dir = join(ROOT, WEB_L10N_DIR), root = ROOT) {
  const written = [];
  for (const lang of catalogLangs(root)) {
    const file = join(dir, `${lang}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(await extensionMessages(lang, root))}\n`);
    written.push(file);
  }
  return written;
}

/** After each build that writes its output (also in watch mode), the catalogs go to l10n/ beside it. */
const catalogsBeside = {
  name: 'catalogs-beside',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length || build.initialOptions.write === false) return;
      await writeWebCatalogs(join(dirname(resolve(build.initialOptions.absWorkingDir ?? ROOT, build.initialOptions.outfile)), 'l10n'));
    });
  },
};

/** esbuild options of the web bundle (`production`: minified, no source map, as packaged). */
export function webBundleOptions({ production = false, entry = WEB_ENTRY, outfile = WEB_OUTFILE } = {}) {
  return {
    entryPoints: [entry], outfile, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022',
    mainFields: ['browser', 'module', 'main'], external: ['vscode'], metafile: true,
    minify: production, sourcemap: !production, logLevel: 'silent', 
    // no catalog at all, English included: with English inside, the bundle would be ~254 KB (over WEB_BUNDLE_MAX_BYTES);
    // the price is one read of l10n/en.json (10-25 ms measured) before activate() returns
    plugins: [noNodeBuiltins, catalogStandIns({ areas: CLI_AREAS, langs: catalogLangs() }), catalogsBeside],
    // any non-ASCII text (the IME hints' full-width characters, typographic dashes) as UTF-8, not \uXXXX escapes
    charset: 'utf8',
    // no `process.env.NODE_ENV` lookups left behind for a worker without `process`
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  };
}

/** Node globals a web worker does not have (what a bundled library could still reach for). */
const NODE_GLOBALS = /\b(process\.(env|argv|versions|platform|cwd|exit|nextTick|hrtime|stdout|stderr)|Buffer\.(from|alloc|concat|isBuffer)|__dirname|__filename|setImmediate)\b/;

/**
 * The problems of a built web bundle: imports other than `vscode` (a `require` a worker cannot satisfy), Node
 * globals in its code, and its size (`maxBytes`: Infinity to leave the size out). `code` is the output's text,
 * `metafile` esbuild's.
 */
export function webBundleProblems(metafile, code, { maxBytes = WEB_BUNDLE_MAX_BYTES } = {}) {
  const problems = [];
  for (const [file, out] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    for (const imp of out.imports) {
      if (imp.path !== 'vscode') problems.push(`${file} imports "${imp.path}" (only "vscode" exists in the web worker)`);
    }
  }
  const found = NODE_GLOBALS.exec(code);
  if (found) {
    const line = code.slice(0, found.index).split('\n').length;
    problems.push(`the web bundle uses the Node global "${found[0]}" (line ${line})`);
  }
  const bytes = new TextEncoder().encode(code).byteLength;
  if (bytes > maxBytes) problems.push(`the web bundle is ${(bytes / 1024).toFixed(0)} KB, more than ${(maxBytes / 1024).toFixed(0)} KB`);
  return problems;
}
