// npm run bench: builds the benchmarks as the extension ships (esbuild bundle, not a TS loader) and runs
// them one after the other: the core's check time, grading a class of exercises, then the preview's render
// time when it is present.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

await esbuild.build({ entryPoints: ['bench/run.ts'], outfile: 'out/bench/core.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
let status = spawnSync(process.execPath, ['out/bench/core.mjs'], { stdio: 'inherit' }).status ?? 1;
// Grading a class: the CLI bundled as it ships, run as a whole command on generated submissions.
await esbuild.build({ entryPoints: ['src/cli/main.ts'], outfile: 'out/bench/cli.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
await esbuild.build({ entryPoints: ['bench/grade.ts'], outfile: 'out/bench/grade.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
console.log('');
status ||= spawnSync(process.execPath, ['out/bench/grade.mjs', 'out/bench/cli.js'], { stdio: 'inherit' }).status ?? 1;
// Capture import: `tcpseq import` on a generated 200 MB capture, through the same CLI bundle.
await esbuild.build({ entryPoints: ['bench/capture.ts'], outfile: 'out/bench/capture.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
console.log('');
status ||= spawnSync(process.execPath, ['out/bench/capture.mjs', 'out/bench/cli.js'], { stdio: 'inherit' }).status ?? 1;
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
if (scripts['bench:preview'] && !process.argv.includes('--core')) {
  console.log('');
  status ||= spawnSync('npm', ['run', '--silent', 'bench:preview'], { stdio: 'inherit' }).status ?? 1;
}
process.exitCode = status;
