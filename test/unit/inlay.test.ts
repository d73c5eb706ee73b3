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
