// Compiles the extension-host suite (test/exthost/*.ts) to out/test/exthost/*.js: one CommonJS file per
// test file plus index.js (the `run()` entry for extensionTestsPath). `vscode` and `mocha` stay external:
// the extension host provides the first, node_modules the second.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test/exthost';
const entryPoints = readdirSync(dir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(dir, f));
rmSync('out/test/exthost', { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir: 'out/test/exthost',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
