// Hover: state names explain the state (with its RFC 9293 section), symbols show their binding,
// segment lines show the states before -> after and the sender's TCB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, STATES, type Analysis } from '../../src/core/index.ts';
import { hoverAt } from '../../src/core/editor/hover.ts';
import { STATE_DOCS, stateMarkdown } from '../../src/core/editor/stateDocs.ts';
import { file, HANDSHAKE } from './helpers.ts';

const TEARDOWN = [
  ...HANDSHAKE.slice(0, 4),
  'client -> server: ACK seq=x+1 ack=y+1 => server ESTABLISHED',
  'client -> server: FIN+ACK seq=u ack=v => client FIN_WAIT_1, server CLOSE_WAIT',
  'server -> client: ACK seq=v ack=u+1 => client FIN_WAIT_1',
  '# a comment',
  'client wait 2MSL',
];
const text = file(...TEARDOWN);
const analysis = analyze(text);

/** Hover at the first occurrence of `word` on a line (after `from`). */
function hoverOn(a: Analysis, lines: string[], line: number, word: string, from = 0) {
  const character = lines[line].indexOf(word, from);
  assert.ok(character >= 0, `${word} not on line ${line}`);
  return hoverAt(a, { line, character: character + 1 });
}

test('every state has a plain-words explanation and its RFC 9293 section', () => {
  for (const s of STATES) {
    const d = STATE_DOCS[s];
    assert.equal(d.state, s);
    assert.ok(d.summary.length > 30 && d.waitsFor.length > 20, s);
    assert.ok(d.sections.includes('3.3.2'), `${s}: the state diagram section`);
    assert.match(stateMarkdown(s), /RFC 9293 \[§3\.3\.2\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9293#section-3\.3\.2\)/);
  }
  assert.match(STATE_DOCS.FIN_WAIT_1.summary + STATE_DOCS.FIN_WAIT_1.waitsFor, /ACK of (its|that) FIN/);
  assert.match(STATE_DOCS.CLOSE_WAIT.summary, /local application to close/);
  assert.match(STATE_DOCS.TIME_WAIT.summary + STATE_DOCS.TIME_WAIT.waitsFor, /2 ?MSL/);
  assert.match(STATE_DOCS.TIME_WAIT.waitsFor, /last ACK/);
  assert.match(STATE_DOCS.TIME_WAIT.waitsFor, /old duplicate/);
  assert.ok(STATE_DOCS.LISTEN.sections.includes('3.10.7.2'));
});

test('hover on a state name in an assertion explains it and says whether it holds', () => {
  const h = hoverOn(analysis, TEARDOWN, 5, 'FIN_WAIT_1');
  assert.equal(h?.kind, 'state');
  assert.match(h!.markdown, /\*\*FIN_WAIT_1\*\*/);
  assert.match(h!.markdown, /ACK of that FIN/);
  assert.match(h!.markdown, /✓ client is FIN_WAIT_1 here/);
  // line 6 asserts FIN_WAIT_1, but the ACK of the FIN moved the client to FIN_WAIT_2
  const wrong = hoverOn(analysis, TEARDOWN, 6, 'FIN_WAIT_1');
  assert.match(wrong!.markdown, /✗ client is \*\*FIN_WAIT_2\*\* here, not FIN_WAIT_1/);
  assert.deepEqual(wrong!.range.start, { line: 6, character: TEARDOWN[6].indexOf('FIN_WAIT_1') });
});

test('hover on an accepted spelling and on an endpoint\'s initial state', () => {
  const lines = ['endpoint a', 'endpoint b listen', 'a -> b: SYN seq=x => a SYN-SENT, b syn_rcvd'];
  const a = analyze(file(...lines));
  assert.match(hoverOn(a, lines, 2, 'SYN-SENT')!.markdown, /\*\*SYN_SENT\*\*/);
  assert.match(hoverOn(a, lines, 2, 'syn_rcvd')!.markdown, /\*\*SYN_RECEIVED\*\*/);
  assert.match(hoverOn(a, lines, 1, 'listen')!.markdown, /\*\*LISTEN\*\*.*connection request/);
});

test('hover on a symbol shows its value and where it was bound', () => {
  const u = hoverOn(analysis, TEARDOWN, 5, 'u', TEARDOWN[5].indexOf('seq='));
  assert.equal(u?.kind, 'symbol');
  assert.match(u!.markdown, /\*\*u\*\* = `x\+1`/);
  assert.match(u!.markdown, /Bound on line 6 as client's seq/);
  const v = hoverOn(analysis, TEARDOWN, 6, 'v', TEARDOWN[6].indexOf('seq='));
  assert.match(v!.markdown, /\*\*v\*\* = `y\+1`/);
  assert.match(v!.markdown, /Bound on line 6 as client's ack/);
  const x = hoverOn(analysis, TEARDOWN, 2, 'x', TEARDOWN[2].indexOf('seq='));
  assert.match(x!.markdown, /\*\*x\*\* — an unknown number, first written on line 3/);
});

test('hover on a segment shows states before -> after and the sender\'s TCB', () => {
  const h = hoverOn(analysis, TEARDOWN, 2, 'SYN');
  assert.equal(h?.kind, 'segment');
  assert.match(h!.markdown, /client → server: SYN\*\* — delivered at once/);
  assert.match(h!.markdown, /\| state \| CLOSED → \*\*SYN_SENT\*\* \| LISTEN → \*\*SYN_RECEIVED\*\* \|/);
  assert.match(h!.markdown, /\| SND\.NXT \| — \| `x\+1` \|/);
  const fin = hoverOn(analysis, TEARDOWN, 5, 'FIN');
  assert.match(fin!.markdown, /ESTABLISHED → \*\*FIN_WAIT_1\*\*/);
  assert.match(fin!.markdown, /Expected: seq `x\+1`, ack `y\+1`/);
  assert.match(fin!.markdown, /\| SND\.NXT \| `x\+1` \| `x\+2` \|/);
  assert.match(fin!.markdown, /\| RCV\.NXT \| `y\+1` \| `y\+1` \|/);
});

test('hover on a lost or in-flight segment says so; actions show their step', () => {
  const lines = [...HANDSHAKE, 'client -x server: ACK', 'client ~> server: PSH+ACK len=5 id=d1', 'deliver d1'];
  const a = analyze(file(...lines));
  assert.match(hoverOn(a, lines, 5, 'ACK')!.markdown, /lost: the receiver never gets it/);
  assert.match(hoverOn(a, lines, 6, 'PSH')!.markdown, /in flight, delivered on line 8/);
  const wait = hoverOn(analysis, TEARDOWN, 8, 'wait');
  assert.equal(wait?.kind, 'event');
  assert.match(wait!.markdown, /\*\*client wait 2MSL\*\*/);
});

test('no hover on comments, blank lines, past the end, or on an unknown state', () => {
  assert.equal(hoverAt(analysis, { line: 7, character: 3 }), undefined);
  assert.equal(hoverAt(analysis, { line: 9, character: 0 }), undefined);
  assert.equal(hoverAt(analysis, { line: 500, character: 0 }), undefined);
  const lines = ['endpoint a', 'expect a ESTABLISED'];
  assert.equal(hoverOn(analyze(file(...lines)), lines, 1, 'ESTABLISED'), undefined);
});

test('completion and hover answer at every position of every example without throwing', async () => {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const { completionsAt } = await import('../../src/core/editor/completion.ts');
  let calls = 0;
  for (const dir of ['../../examples', '../../examples/mistakes']) {
    const base = resolve(import.meta.dirname, dir);
    for (const name of readdirSync(base).filter((f) => f.endsWith('.tcpseq'))) {
      const text = readFileSync(resolve(base, name), 'utf8');
      const a = analyze(text);
      text.split('\n').forEach((line, l) => {
        for (let c = 0; c <= line.length; c++) {
          const where = `${name}:${l + 1}:${c + 1}`;
          const r = completionsAt(a, text, { line: l, character: c });
          assert.ok(r.range.start.line === l && r.range.start.character <= c, where);
          for (const item of r.items) assert.ok(item.label.length > 0, where);
          const h = hoverAt(a, { line: l, character: c });
          if (h) assert.ok(h.range.start.line === l && h.markdown.length > 0, where);
          calls++;
        }
      });
    }
  }
  assert.ok(calls > 10000, `${calls} positions`);
});

// ---- contract v2: old duplicates, crashes, the window, ESTABLISHED starts ----

const V2 = [
  'endpoint A ESTABLISHED snd=42 rcv=79',
  'endpoint B ESTABLISHED win=100',
  'A -> B: ACK seq=42 ack=79 len=60',
  'A -> B: ACK seq=102 ack=79 len=50',
  'B -> A: ACK seq=79 ack=152 win=0',
  'old B -> A: SYN seq=5',
  'A crash',
];
const v2 = analyze(file(...V2));

test('hover on old explains an old duplicate (RFC 9293 figures 8 and 11) and what its receiver made of it', () => {
  const h = hoverAt(v2, { line: 5, character: 1 });
  assert.equal(h?.kind, 'old');
  assert.deepEqual(h!.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
  assert.match(h!.markdown, /Old duplicate/);
  assert.match(h!.markdown, /figures 8 and 11/);
  assert.match(h!.markdown, /challenge-ack/, 'the receiver\'s finding');
  const seg = hoverOn(v2, V2, 5, 'SYN');
  assert.equal(seg?.kind, 'segment');
  assert.match(seg!.markdown, /^\*\*old B → A: SYN\*\*/);
  assert.doesNotMatch(seg!.markdown, /TCB\*\* \(sender\)|\(sender\)/, 'an old duplicate has no sender side');
});

test('hover on a crash explains the half-open connection it leaves (figures 9 and 10)', () => {
  const h = hoverOn(v2, V2, 6, 'crash');
  assert.equal(h?.kind, 'crash');
  assert.match(h!.markdown, /\*\*A crashes\*\*/);
  assert.match(h!.markdown, /ESTABLISHED to CLOSED/);
  assert.match(h!.markdown, /figures 9 and 10/);
  assert.match(h!.markdown, /B does not know: it is still ESTABLISHED, a \*\*half-open\*\* connection/);
  assert.match(h!.markdown, /ESTABLISHED → \*\*CLOSED\*\*/);
});

test('hover on a segment shows the window at the sender: SND.UNA, SND.WND, the usable window', () => {
  const second = hoverOn(v2, V2, 3, 'ACK')!.markdown;
  assert.match(second, /\*\*Window\*\* at A before this segment/);
  assert.match(second, /\| SND\.UNA \| `42` \|/);
  assert.match(second, /\| SND\.WND \| `100` \|/);
  assert.match(second, /\| SND\.NXT \| `102` \|/);
  assert.match(second, /\| usable window \(SND\.UNA \+ SND\.WND − SND\.NXT\) \| \*\*40\*\* \|/);
  assert.match(second, /carries 50 octets, but only 40 fit in the window: `window-exceeded`/);
  const first = hoverOn(v2, V2, 2, 'ACK')!.markdown;
  assert.match(first, /\*\*100\*\*/);
  assert.match(first, /carries 60 octets; 100 fit/);
  // a file without any window: no window section for a segment without data
  assert.doesNotMatch(hoverOn(analysis, TEARDOWN, 5, 'FIN')!.markdown, /Window/);
});

test('hover on win= says what the sender advertises; on snd=/rcv= what the declaration means', () => {
  const zero = hoverOn(v2, V2, 4, 'win=');
  assert.equal(zero?.kind, 'window');
  assert.match(zero!.markdown, /\*\*win=0\*\* — B closes its window/);
  const lines = [...V2.slice(0, 2), 'A -> B: ACK seq=42 ack=79', 'B -> A: ACK seq=79 ack=42 win=30'];
  const open = hoverOn(analyze(file(...lines)), lines, 3, 'win=')!.markdown;
  assert.match(open, /advertises a receive window of 30 octets/);
  assert.match(open, /A may send octets `42` … `71`/);
  const snd = hoverOn(v2, V2, 0, 'snd=');
  assert.equal(snd?.kind, 'established');
  assert.match(snd!.markdown, /\*\*snd=42\*\* — SND\.NXT of A/);
  assert.match(snd!.markdown, /B's `rcv` is `42`/);
  assert.match(hoverOn(v2, V2, 0, '79')!.markdown, /\*\*rcv=79\*\* — RCV\.NXT of A/);
  assert.match(hoverOn(v2, V2, 1, 'win=')!.markdown, /A starts with SND\.WND = 100/);
  const b = hoverOn(v2, V2, 1, 'B');
  assert.equal(b?.kind, 'endpoint');
  assert.match(b!.markdown, /starts ESTABLISHED snd=79 rcv=42 win=100/);
  assert.match(b!.markdown, /`snd`: taken from the peer's declaration/);
});

test('v2 hovers speak Chinese when asked', () => {
  assert.match(hoverAt(v2, { line: 5, character: 1 }, 'zh-cn')!.markdown, /旧的重复报文段/);
  assert.match(hoverAt(v2, { line: 6, character: 2 }, 'zh-cn')!.markdown, /半开连接/);
  assert.match(hoverAt(v2, { line: 3, character: 10 }, 'zh-cn')!.markdown, /可用窗口/);
});

test('a hover never shows the internal name of a number the file has not written', () => {
  const lines = ['endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK len=5'];
  const md = hoverOn(analyze(file(...lines)), lines, 2, 'ACK')!.markdown;
  assert.doesNotMatch(md, /#\d/);
  assert.doesNotMatch(md, /Expected:/, 'nothing known is expected');
});
