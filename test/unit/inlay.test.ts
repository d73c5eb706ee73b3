// State hints at the end of event lines, and the states at a cursor line (status bar).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { stateHints, statesAtLine } from '../../src/core/editor/inlayHints.ts';
import { file, HANDSHAKE } from './helpers.ts';

const LINES = [
  ...HANDSHAKE.slice(0, 3),
  '# the server answers',
  'server -> client: SYN+ACK seq=y ack=x+1',
  'expect client ESTABLISHED',
  'client -> server: ACK seq=x+1 ack=y+1   // done',
];
const analysis = analyze(file(...LINES));

test('one hint per event line, at the end of the line, with the states after it', () => {
  const hints = stateHints(analysis);
  assert.deepEqual(hints.map((h) => h.line), [2, 4, 6]);
  assert.equal(hints[0].label, 'client: SYN_SENT · server: SYN_RECEIVED');
  assert.equal(hints[1].label, 'client: ESTABLISHED · server: SYN_RECEIVED');
  assert.equal(hints[2].label, 'client: ESTABLISHED · server: ESTABLISHED');
  assert.deepEqual(hints[2].position, { line: 6, character: LINES[6].length }, 'after the comment, at the very end');
  assert.match(hints[0].tooltip, /\*\*client\*\*: CLOSED → SYN_SENT/);
  assert.match(hints[1].tooltip, /\*\*server\*\*: SYN_RECEIVED \(unchanged\)/);
});

test('hints only for the lines asked for', () => {
  assert.deepEqual(stateHints(analysis, 3, 5).map((h) => h.line), [4]);
  assert.deepEqual(stateHints(analysis, 7, 100), []);
});

test('actions and deliver lines get hints; declarations, expect and notes do not', () => {
  const text = readFileSync(resolve(import.meta.dirname, '../../examples/01-handshake-teardown-textbook.tcpseq'), 'utf8');
  const a = analyze(text);
  const lines = text.split('\n');
  const hints = stateHints(a);
  assert.equal(hints.length, a.steps.length);
  for (const h of hints) assert.match(lines[h.line], /->|-x|~>|\bwait\b|\blisten\b|\bclose\b|\bdeliver\b/);
  const last = hints[hints.length - 1];
  assert.match(lines[last.line], /client wait 2MSL/);
  assert.equal(last.label, 'client: CLOSED · server: CLOSED');
  const d = analyze(file(...HANDSHAKE, 'client ~> server: FIN+ACK id=f', 'deliver f'));
  assert.equal(stateHints(d).pop()?.label, 'client: FIN_WAIT_1 · server: CLOSE_WAIT');
});

test('states at a line: the initial ones before any event, then the last event\'s', () => {
  const start = statesAtLine(analysis, 0);
  assert.equal(start?.text, 'client: CLOSED · server: LISTEN');
  assert.equal(start?.fromLine, -1);
  const atComment = statesAtLine(analysis, 3);
  assert.equal(atComment?.text, 'client: SYN_SENT · server: SYN_RECEIVED');
  assert.equal(atComment?.fromLine, 2);
  assert.match(atComment!.tooltip, /\*\*client\*\* SYN_SENT — Has sent its SYN/);
  assert.equal(statesAtLine(analysis, 99)?.text, 'client: ESTABLISHED · server: ESTABLISHED');
  assert.equal(statesAtLine(analyze(''), 0), undefined, 'no endpoint, nothing to show');
});

test('an ESTABLISHED start shows on its declaration, with the values taken (2.2)', () => {
  const lines = ['endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED win=100   # Kurose & Ross', 'A -> B: ACK seq=42 ack=79 data="C"'];
  const a = analyze(file(...lines));
  const hints = stateHints(a);
  assert.deepEqual(hints.map((h) => [h.line, h.kind, h.label]), [
    [0, 'start', 'ESTABLISHED snd=42 rcv=79'],
    [1, 'start', 'ESTABLISHED snd=79 rcv=42 win=100'],
    [2, 'state', 'A: ESTABLISHED · B: ESTABLISHED'],
  ]);
  assert.deepEqual(hints[1].position, { line: 1, character: lines[1].length });
  assert.match(hints[1].tooltip, /`snd`: taken from the peer's declaration/);
  assert.deepEqual(stateHints(a, 1, 1).map((h) => h.line), [1]);
  // neither side declares: the values come from the first segment that writes them
  const taken = analyze(file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=1000 ack=5000 len=10'));
  assert.equal(stateHints(taken)[0].label, 'ESTABLISHED snd=1000 rcv=5000');
  assert.match(stateHints(taken)[0].tooltip, /taken from the first segment/);
  assert.match(stateHints(taken, 0, 0, 'zh-cn')[0].tooltip, /取自第一个写出它的报文段/);
});

test('the status bar text shows the ESTABLISHED starts before the first event', () => {
  const a = analyze(file('endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=42 ack=79 len=1'));
  assert.equal(statesAtLine(a, 0)?.text, 'A: ESTABLISHED snd=42 rcv=79 · B: ESTABLISHED snd=79 rcv=42');
  assert.match(statesAtLine(a, 1)!.tooltip, /\*\*B\*\* ESTABLISHED snd=79 rcv=42 — /);
  assert.equal(statesAtLine(a, 2)?.text, 'A: ESTABLISHED · B: ESTABLISHED');
});
