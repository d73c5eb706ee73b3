// Bundles the extension (node, cjs, vscode external), the CLI and the webview (browser, Mermaid inside).
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';
import { catalogStandIns, CLI_AREAS, webBundleOptions, webBundleProblems, WEB_OUTFILE } from './web-bundle.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning' };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    plugins: [catalogStandIns({ areas: CLI_AREAS })] }, // the CLI's messages are the CLI's alone
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
];
// the web extension (package.json `browser`, VS Code for the Web): no Node API on its path, and its messages
// beside it in dist/web/l10n/LANG.json, not in it (scripts/web-bundle.mjs)
builds.push(webBundleOptions({ production }));
for (const [entry, out] of [['src/webview/preview.ts', 'media/preview.js'], ['src/webview/standalone.ts', 'media/standalone.js']]) {
  builds.push({ ...common, entryPoints: [entry], outfile: out, platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false });
}

const present = (await import('node:fs')).existsSync;
const active = builds.filter((b) => present(b.entryPoints[0]));
if (watch) {
  for (const b of active) await (await esbuild.context(b)).watch();
  console.log('watching', active.map((b) => b.entryPoints[0]).join(', '));
} else {
  const results = await Promise.all(active.map((b) => esbuild.build(b)));
  const web = results[active.findIndex((b) => b.outfile === WEB_OUTFILE)];
  // a Node API in the web bundle fails the build; its size is only reported here (test/unit/web-bundle.test.ts fails on it)
  const code = web ? readFileSync(WEB_OUTFILE, 'utf8') : '';
  const problems = web ? webBundleProblems(web.metafile, code, { maxBytes: Infinity }) : [];
  if (problems.length) { console.error(`web bundle ${WEB_OUTFILE}:\n  ${problems.join('\n  ')}`); process.exit(1); }
  if (production && web) for (const p of webBundleProblems(web.metafile, code)) console.warn(`warning: ${p}`);
  if (present('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
