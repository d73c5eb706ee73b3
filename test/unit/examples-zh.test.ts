// The Chinese examples (examples/zh-cn/) check clean with the v2 checker (no error, no warning), end in the
// states of their last `expect` line, are written the way students type (Chinese comments and notes,
// full-width punctuation in places), and the first one is the classic textbook handshake and teardown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, parseState } from '../../src/core/index.ts';

const DIR = resolve(import.meta.dirname, '../../examples/zh-cn');
const files = readdirSync(DIR).filter((f) => f.endsWith('.tcpseq')).sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
const CJK = /[\u4e00-\u9fff]/;
const FULL_WIDTH = /[：，＝＋＃“”]/;

test('there are Chinese examples', () => assert.ok(files.length >= 4, files.join(', ')));

for (const f of files) {
  test(`${f} checks clean and ends in the states its expect line says`, () => {
    const text = read(f);
    const a = analyze(text);
    const bad = a.diagnostics.filter((d) => d.severity !== 'info');
    assert.deepEqual(bad.map((d) => `${d.range.start.line + 1} ${d.code}: ${d.message}`), []);
    const expect = text.split('\n').reverse().find((l) => /^expect\s/.test(l));
    assert.ok(expect, 'the file ends with an expect line');
    for (const pair of expect.replace(/^expect\s+/, '').split(/[,，]/)) {
      const [name, state] = pair.trim().split(/\s+/);
      const i = a.endpoints.findIndex((e) => e.name === name);
      assert.ok(i >= 0, `${name} is an endpoint`);
      assert.equal(a.final[i], parseState(state!), `${name} ends in ${state}`);
    }
  });

  test(`${f} has a Chinese title, Chinese comments and Chinese notes`, () => {
    const lines = read(f).split('\n');
    assert.match(lines.find((l) => l.startsWith('title ')) ?? '', CJK);
    assert.ok(lines.some((l) => l.startsWith('#') && CJK.test(l)), 'a Chinese comment');
    assert.ok(lines.some((l) => l.startsWith('note') && CJK.test(l)), 'a Chinese note');
  });
}

test('students\' full-width punctuation appears in the examples and is read as ASCII', () => {
  const all = files.map(read).join('\n');
  for (const c of ['：', '，', '＝', '＋', '“']) assert.ok(all.includes(c), `some example uses ${c}`);
  assert.ok(files.filter((f) => FULL_WIDTH.test(read(f))).length >= 2);
});

test('the textbook handshake and teardown: SYN_SEND / SYN_RECV spellings and x, y, u, v, w', () => {
  const f = files.find((n) => n.includes('三次握手与四次挥手'));
  assert.ok(f, 'examples/zh-cn/01-三次握手与四次挥手.tcpseq');
  const text = read(f);
  for (const s of ['SYN_SEND', 'SYN_RECV']) assert.match(text, new RegExp(`\\b${s}\\b`));
  for (const v of ['seq＝x', 'seq=y', 'seq=u', 'seq=v', 'seq=w', 'ack=w+1']) assert.ok(text.includes(v), v);
  const a = analyze(text);
  const states = a.steps.flatMap((s) => s.states);
  for (const s of ['SYN_SENT', 'SYN_RECEIVED', 'FIN_WAIT_1', 'FIN_WAIT_2', 'CLOSE_WAIT', 'LAST_ACK', 'TIME_WAIT']) assert.ok(states.includes(s as never), `passes through ${s}`);
});
