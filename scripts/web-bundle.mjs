// The web extension bundle (package.json `browser`: dist/web/extension.js), run by VS Code for the Web
// (vscode.dev, github.dev, code-server's web worker extension host): one CommonJS file for a web worker,
// `vscode` external, and no Node API on its path. Used by scripts/build.mjs and test/unit/web-bundle.test.ts.
import { builtinModules } from 'node:module';

export const WEB_ENTRY = 'src/extension/extension.ts';
export const WEB_OUTFILE = 'dist/web/extension.js';
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

/** esbuild options of the web bundle (`production`: minified, no source map, as packaged). */
export function webBundleOptions({ production = false, entry = WEB_ENTRY, outfile = WEB_OUTFILE } = {}) {
  return {
    entryPoints: [entry], outfile, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022',
    mainFields: ['browser', 'module', 'main'], external: ['vscode'], metafile: true,
    minify: production, sourcemap: !production, logLevel: 'silent', plugins: [noNodeBuiltins],
    // the Chinese catalog as UTF-8 text, not \uXXXX escapes (6 bytes a character instead of 3): ~30 KB less
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
