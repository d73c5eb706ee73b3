// Builds the extension for production and packages it with @vscode/vsce into tcpseq-VERSION.vsix, one VSIX
// for desktop (`main`: dist/extension.js) and VS Code for the Web (`browser`: dist/web/extension.js)
// (or the path given with --out). The .vscodeignore keeps only dist/, media/, syntaxes/, snippets/,
// language-configuration.json, README, CHANGELOG, LICENSE and package.json in it.
// Usage: node scripts/package.mjs [--out FILE]   Prints the path of the .vsix on its last line.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const i = process.argv.indexOf('--out');
const out = resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1] : join(ROOT, `${pkg.name}-${pkg.version}.vsix`));

execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');

// What goes in: only run-time files (no node_modules, src, test), and everything the extension loads.
const ALLOWED = /^(dist\/(extension|cli|web\/extension)\.js|dist\/web\/l10n\/[a-z-]+\.json|media\/[^/]+|syntaxes\/.+|snippets\/.+|language-configuration\.json|README\.md|CHANGELOG\.md|LICENSE|package\.json|package\.nls(\.[a-z-]+)?\.json)$/;
const REQUIRED = ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/web/l10n/en.json', 'dist/web/l10n/zh-cn.json', 'media/preview.js', 'media/preview.css', 'language-configuration.json', 'README.md'];
const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').map((l) => l.trim()).filter(Boolean);
const stray = listed.filter((f) => !ALLOWED.test(f));
const missing = REQUIRED.filter((f) => !listed.includes(f));
if (stray.length || missing.length) {
  console.error(`the VSIX would be wrong: ${stray.length ? `unexpected files ${stray.join(', ')}` : ''}${missing.length ? ` missing ${missing.join(', ')}` : ''} (see .vscodeignore)`);
  process.exit(1);
}
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out],
  { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`${(statSync(out).size / 1024).toFixed(0)} KB`);
console.log(out);
