// The `tcpseq` command line (contract section 6): output formats, JSON shape, exit codes, stderr.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'tcpseq-cli-'));
const CLI = join(dir, 'cli.js');
const GOLDEN = join(ROOT, 'test/golden/cli');

before(async () => {
  await esbuild.build({ entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile: CLI, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
});

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 30 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check prints FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE and exits 1 on errors', () => {
  const f = join(dir, 'bad.tcpseq');
  writeFileSync(f, 'endpoint client\nendpoint server LISTEN\nclient -> server: SYN seq=x\nserver -> client: SYN+ACK seq=y ack=x\n');
  const r = run(['check', f]);
  assert.equal(r.code, 1);
  assert.equal(r.err, '');
  const lines = r.out.trim().split('\n');
  assert.ok(lines.every((l) => /^.+:\d+:\d+: (error|warning|info) [a-z-]+: .+$/.test(l)), r.out);
  assert.ok(lines.some((l) => l.startsWith(`${f}:4:37: error wrong-ack: ack should be x+1, `) && l.includes('; found x; client, in SYN_SENT, would answer this SYN+ACK with RST')), r.out);
});

test('check exits 0 when no file has an error (warnings and infos allowed)', () => {
  const r = run(['check', 'examples/01-handshake-teardown-textbook.tcpseq', 'examples/10-time-wait-last-ack-lost.tcpseq']);
  assert.equal(r.code, 0, r.out + r.err);
});

test('check --json prints the contract\'s JSON: one object per file, steps per event line, final states', () => {
  const r = run(['check', '--json', 'examples/01-handshake-teardown-textbook.tcpseq', 'examples/mistakes/01-wrong-ack-after-syn.tcpseq']);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out);
  assert.equal(json.length, 2);
  for (const f of json) {
    assert.deepEqual(Object.keys(f), ['file', 'diagnostics', 'steps', 'final']);
    for (const d of f.diagnostics) assert.deepEqual(Object.keys(d), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    for (const s of f.steps) assert.deepEqual(Object.keys(s), ['line', 'states']);
  }
  assert.deepEqual(json[0].final, { client: 'CLOSED', server: 'CLOSED' });
  const golden = join(GOLDEN, 'check.json');
  if (process.env.UPDATE_GOLDEN) writeFileSync(golden, r.out);
  assert.equal(r.out, readFileSync(golden, 'utf8'), 'the JSON output is the reviewed golden file (UPDATE_GOLDEN=1 to rewrite)');
});

test('a file that cannot be read gives a one-line reason on stderr and exit 2; others are still checked', () => {
  const r = run(['check', '--json', 'no/such/file.tcpseq', 'examples/01-handshake-teardown-textbook.tcpseq']);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'tcpseq check: cannot read no/such/file.tcpseq: no such file\n');
  assert.equal(JSON.parse(r.out).length, 1);
  const d = run(['check', 'examples']);
  assert.equal(d.code, 2);
  assert.match(d.err, /^tcpseq check: cannot read examples: it is a directory\n$/);
});

test('wrong arguments: one line on stderr, exit 2, never a stack trace', () => {
  for (const args of [['check', '--jsn', 'a.tcpseq'], ['check'], ['frobnicate'], []]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.doesNotMatch(r.err, /\bat .+:\d+:\d+\)/);
  }
});

test('--help and --version', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /tcpseq check \[--json\] FILE/);
  assert.match(h.out, /tcpseq render/);
  const v = run(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.out.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('check - reads standard input', () => {
  const r = run(['check', '--json', '-'], 'a -> b: SYN seq=1\nb -> a: SYN+ACK seq=5 ack=2\na -> b: ACK seq=2 ack=6\n');
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out)[0].final, { a: 'ESTABLISHED', b: 'ESTABLISHED' });
});

test('large piped output is written whole (exit code set, process not cut short)', () => {
  const big = join(dir, 'big.tcpseq');
  writeFileSync(big, Array.from({ length: 20000 }, (_, i) => `a -> b: SYNN seq=${i}`).join('\n'));
  const r = run(['check', '--json', big]);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out);
  assert.ok(json[0].diagnostics.length >= 20000);
});
