// The exercise commands of the CLI (contract 9, issue 10): key, grade, vary, moodle; --help per command,
// --lang and the locale variables; exit codes 0/1/2 with one line on stderr for bad input.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'tcpseq-cli-ex-'));
const CLI = join(dir, 'cli.js');
const EX = 'examples/exercises';

before(async () => {
  await esbuild.build({ entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile: CLI, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
});

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('key prints one line per blank: line:column kind (endpoint): answer — reason', () => {
  const r = run(['key', `${EX}/handshake.tcpseq`]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 11);
  assert.equal(lines[4], '8:31 ack (server): x+1 — ack should be x+1: the SYN occupies one sequence number (RFC 9293 3.4)');
});

test('key --json: line, column, kind, endpoint, answer, reason per blank', () => {
  const r = run(['key', '--json', `${EX}/data-transfer.tcpseq`]);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  assert.ok(Array.isArray(json), 'one array, an object per blank');
  assert.deepEqual(Object.keys(json[0]).slice(0, 6), ['line', 'column', 'kind', 'endpoint', 'answer', 'reason']);
  assert.deepEqual(json.map((b: { answer: string }) => b.answer), ['43', '43', '80', '100', '243', '143', '143']);
  assert.equal(json[0].number, 43);
});

test('key: exit 1 for a bad blank, 2 for a file without blanks or unreadable', () => {
  const bad = join(dir, 'bad.tcpseq');
  writeFileSync(bad, 'a -> b: SYN seq=x ack=?\n');
  assert.equal(run(['key', bad]).code, 1);
  const none = run(['key', 'examples/01-handshake-teardown-textbook.tcpseq']);
  assert.equal(none.code, 2);
  assert.match(none.err, /^tcpseq key: .* has no blanks: it is no exercise\n$/);
  assert.equal(run(['key', 'nope.tcpseq']).code, 2);
});

test('check of an exercise: no finding on a blank, exit 0; a bad blank is an error', () => {
  const r = run(['check', '--json', `${EX}/handshake.tcpseq`]);
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(JSON.parse(r.out)[0].diagnostics, []);
  const bad = join(dir, 'bad2.tcpseq');
  writeFileSync(bad, 'a -> b: SYN seq=x ack=?\n');
  const b = run(['check', bad]);
  assert.equal(b.code, 1);
  assert.match(b.out, /:1:23: error bad-blank: this blank has no right answer: the segment has no ACK flag/);
});

test('grade: text per submission, then the summary line; folders are expanded', () => {
  const r = run(['grade', `${EX}/handshake.tcpseq`, `${EX}/handshake-submissions`]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.ok(lines.includes(`${EX}/handshake-submissions/alice.tcpseq: 10/10`));
  assert.ok(lines.includes(`${EX}/handshake-submissions/bob.tcpseq: 7/10`));
  assert.equal(lines.at(-1), '3 submission(s), mean score 7.67 of 10; most often wrong: line 11 ack (2 of 3)');
});

test('grade --json: the contract\'s shape per submission; the summary goes to stderr', () => {
  const r = run(['grade', '--json', `${EX}/teardown.tcpseq`, `${EX}/teardown-submissions/erin.tcpseq`, `${EX}/teardown-submissions/dave.tcpseq`]);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out);
  assert.equal(json.length, 2);
  assert.deepEqual(Object.keys(json[0]), ['file', 'score', 'max', 'blanks', 'problems']);
  assert.deepEqual(Object.keys(json[0].blanks[0]), ['line', 'column', 'kind', 'answer', 'given', 'correct', 'feedback']);
  const flags = json[0].blanks.find((b: { kind: string }) => b.kind === 'flags');
  assert.deepEqual([flags.line, flags.column, flags.answer, flags.given, flags.correct], [8, 19, 'FIN+ACK', 'FIN', false]);
  assert.equal(json[1].score, 12, 'CRLF and comments do not matter');
  assert.match(r.err, /^2 submission\(s\), mean score 10\.50 of 12; most often wrong: line 8 flags \(1 of 2\)\n$/);
});

test('grade --csv: file,score,max and one 1/0 column per blank', () => {
  const r = run(['grade', '--csv', `${EX}/teardown.tcpseq`, `${EX}/teardown-submissions`]);
  const rows = r.out.trim().split('\n');
  assert.equal(rows.length, 4);
  assert.match(rows[0]!, /^file,score,max,L6C59-state,/);
  assert.equal(rows[0]!.split(',').length, 3 + 12);
  assert.equal(rows[2], `${EX}/teardown-submissions/erin.tcpseq,9,12,1,1,1,1,1,0,1,0,1,1,1,0`);
});

test('grade: exit 2 when a submission cannot be read (the others are graded), or for bad arguments', () => {
  const r = run(['grade', `${EX}/teardown.tcpseq`, 'missing.tcpseq', `${EX}/teardown-submissions/dave.tcpseq`]);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read missing\.tcpseq: no such file/);
  assert.match(r.out, /dave\.tcpseq: 12\/12/);
  for (const args of [['grade'], ['grade', `${EX}/teardown.tcpseq`], ['grade', '--json', '--csv', 'a', 'b'], ['grade', '--bogus', 'a', 'b']]) {
    const b = run(args);
    assert.equal(b.code, 2, args.join(' '));
    assert.equal(b.err.trim().split('\n').length, 1, b.err);
  }
});

test('vary: one variant and key per student of the roster, reproducible from the seed', () => {
  const roster = join(dir, 'students.csv');
  writeFileSync(roster, 'name,email\nAlice,a@x\n"Zhang, San",z@x\n李四,l@x\n');
  const out1 = join(dir, 'v1');
  const out2 = join(dir, 'v2');
  assert.equal(run(['vary', `${EX}/teardown.tcpseq`, '--roster', roster, '--seed', 'w3', '-o', out1]).code, 0);
  assert.equal(run(['vary', `${EX}/teardown.tcpseq`, '--roster', roster, '--seed', 'w3', '-o', out2]).code, 0);
  assert.deepEqual(readdirSync(out1).sort(), ['Alice.key.txt', 'Alice.tcpseq', 'Zhang_San.key.txt', 'Zhang_San.tcpseq', '李四.key.txt', '李四.tcpseq']);
  for (const f of readdirSync(out1)) assert.equal(readFileSync(join(out1, f), 'utf8'), readFileSync(join(out2, f), 'utf8'), f);
  assert.notEqual(readFileSync(join(out1, 'Alice.tcpseq'), 'utf8'), readFileSync(join(out1, '李四.tcpseq'), 'utf8'));
  // The variant is the exercise for its student: its own key grades a right copy 12/12.
  const variant = readFileSync(join(out1, 'Alice.tcpseq'), 'utf8');
  const key = run(['key', '--json', join(out1, 'Alice.tcpseq')]);
  let i = 0;
  const answers = JSON.parse(key.out).map((b: { answer: string }) => b.answer);
  const filled = join(dir, 'alice-filled.tcpseq');
  writeFileSync(filled, variant.replace(/\?/g, () => answers[i++]));
  assert.match(run(['grade', join(out1, 'Alice.tcpseq'), filled]).out, /alice-filled\.tcpseq: 12\/12/);
  assert.match(readFileSync(join(out1, 'Alice.key.txt'), 'utf8'), /^Alice\.tcpseq: 12 blank\(s\), exam mode\n/);
});

test('vary --count --wrap, and its errors', () => {
  const out = join(dir, 'v3');
  assert.equal(run(['vary', `${EX}/data-transfer.tcpseq`, '--count', '3', '--wrap', '-o', out]).code, 0);
  assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tcpseq')), ['variant-01.tcpseq', 'variant-02.tcpseq', 'variant-03.tcpseq']);
  assert.match(readFileSync(join(out, 'variant-01.tcpseq'), 'utf8'), /seq=429496\d{4}/);
  for (const args of [['vary', `${EX}/teardown.tcpseq`, '-o', out], ['vary', `${EX}/teardown.tcpseq`, '--count', '0', '-o', out], ['vary', `${EX}/teardown.tcpseq`, '--count', '2'], ['vary', '--count', '2', '-o', out]]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});

test('moodle -o writes one quiz with a question per file', () => {
  const xml = join(dir, 'quiz.xml');
  const r = run(['moodle', `${EX}/handshake.tcpseq`, `${EX}/teardown.tcpseq`, '-o', xml]);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(xml));
  const text = readFileSync(xml, 'utf8');
  assert.equal((text.match(/<question type="cloze">/g) ?? []).length, 2);
  assert.match(text, /<name><text>Three-way handshake<\/text><\/name>/);
});

test('--help per subcommand; --lang and the locale variables choose the language', () => {
  for (const cmd of ['check', 'render', 'key', 'grade', 'vary', 'moodle']) {
    const r = run([cmd, '--help']);
    assert.equal(r.code, 0, cmd);
    assert.match(r.out, new RegExp(`^Usage: tcpseq ${cmd}`), cmd);
    assert.match(r.out, /--lang VALUE/);
  }
  assert.match(run(['--help']).out, /tcpseq grade \[--json\|--csv\] EXERCISE SUBMISSION\.\.\./);
  assert.match(run(['--lang', 'zh-cn', 'key', `${EX}/teardown.tcpseq`]).out, /确认号应为 u\+1/);
  assert.match(run(['key', '--lang', 'zh-cn', `${EX}/teardown.tcpseq`]).out, /确认号应为 u\+1/);
  assert.match(run(['key', `${EX}/teardown.tcpseq`], { LANG: 'zh_CN.UTF-8' }).out, /确认号应为 u\+1/);
  assert.match(run(['key', `${EX}/teardown.tcpseq`], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).out, /ack should be u\+1/);
  assert.match(run(['grade', `${EX}/teardown.tcpseq`, 'nope'], { LANG: 'zh_CN.UTF-8' }).err, /无法读取 nope：文件不存在/);
  const bad = run(['--lang', 'fr', 'key', 'x']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown language fr/);
});
