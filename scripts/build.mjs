// Bundles the extension (node, cjs, vscode external), the CLI and the webview (browser, Mermaid inside).
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning' };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
];
for (const [entry, out] of [['src/webview/preview.ts', 'media/preview.js'], ['src/webview/standalone.ts', 'media/standalone.js']]) {
  builds.push({ ...common, entryPoints: [entry], outfile: out, platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: false });
}

const present = (await import('node:fs')).existsSync;
const active = builds.filter((b) => present(b.entryPoints[0]));
if (watch) {
  for (const b of active) await (await esbuild.context(b)).watch();
  console.log('watching', active.map((b) => b.entryPoints[0]).join(', '));
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
  if (present('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
