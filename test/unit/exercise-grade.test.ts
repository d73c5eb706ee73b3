// Grading (contract 9): lines paired with the exercise ignoring spacing and comments, changed lines
// reported, answers compared as numbers modulo 2^32 under the exercise's bindings, per-blank feedback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradeSubmission, normalizeLine, prepareExercise, readFlags } from '../../src/core/exercise/index.ts';
import { en } from '../../src/core/i18n/format.ts';
import { file } from './helpers.ts';

const EXERCISE = file(
  'exercise practice "Handshake"',
  'endpoint client',
  'endpoint server LISTEN',
  '# fill in the blanks',
  'client -> server: SYN seq=1000                 => client ?, server ?',
  'server -> client: ? seq=5000 ack=?',
  'client -> server: ACK seq=u ack=5001           # u is named here',
);
const prepared = prepareExercise(EXERCISE);
/** The exercise with its `?` replaced in order. */
const fill = (...values: string[]) => { let i = 0; return EXERCISE.replace(/\?/g, () => values[i++] ?? '?'); };
const verdicts = (text: string) => gradeSubmission(prepared, text).blanks.map((b) => `${b.kind}:${b.correct ? 1 : 0}`).join(' ');

test('a right submission scores full marks; feedback is the key\'s reason', () => {
  const r = gradeSubmission(prepared, fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', '1001'));
  assert.deepEqual([r.score, r.max, r.problems], [4, 4, []]);
  assert.equal(en(r.blanks[3]!.feedback), 'ack should be 1001: the SYN occupies one sequence number (RFC 9293 3.4)');
  assert.deepEqual(r.blanks.map((b) => [b.line, b.column]), [[5, 58], [5, 68], [6, 19], [6, 34]]);
});

test('values compare as numbers modulo 2^32, symbols with the exercise\'s bindings', () => {
  for (const right of ['1001', '1000+1', '1 + 1000', 'u', '0x3e9', '4294967295+1002']) {
    assert.equal(verdicts(fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', right)).split(' ')[3], 'ack:1', right);
  }
  for (const wrong of ['1000', 'x+1', 'u+1', '1001+y+1', '-1', 'ack', '4294967296+1001']) {
    assert.equal(verdicts(fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', wrong)).split(' ')[3], 'ack:0', wrong);
  }
});

test('symbolic answers: x+1, 1+x and spacing variants are the same answer', () => {
  const ex = prepareExercise(file('client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=?'));
  const sub = (v: string) => gradeSubmission(ex, file('client -> server: SYN seq=x', `server -> client: SYN+ACK seq=y ack=${v}`)).score;
  assert.deepEqual(['x+1', '1+x', 'x + 1', 'x', 'y+1', 'z+1'].map(sub), [1, 1, 1, 0, 0, 0]);
});

test('flags in every accepted spelling; PSH may be added; states in any spelling of section 3', () => {
  for (const f of ['SYN+ACK', 'syn, ack', 'SYN ACK', 'S.', '[S.]', 'PSH+SYN+ACK', 'ACK|SYN']) assert.equal(readFlags(f), 'SYN+ACK', f);
  assert.equal(readFlags('SYN+ACK+ECE'), undefined);
  assert.equal(readFlags('SYNACK'), undefined);
  assert.equal(verdicts(fill('syn-sent', 'SYN_RCVD', 'S.', '1001')), 'state:1 state:1 flags:1 ack:1');
  assert.equal(verdicts(fill('ESTABLISHED', 'SYN_SENT', 'SYN', '1001')), 'state:0 state:0 flags:0 ack:1');
});

test('an empty or unfilled blank scores 0', () => {
  const r = gradeSubmission(prepared, fill('', '?', 'SYN+ACK', ''));
  assert.deepEqual(r.blanks.map((b) => [b.given, b.correct]), [['', false], ['?', false], ['SYN+ACK', true], ['', false]]);
  assert.equal(r.score, 1);
});

test('a changed line is reported and its blanks score 0; other lines still count', () => {
  const sub = fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', '1001').replace('seq=5000', 'seq=6000');
  const r = gradeSubmission(prepared, sub);
  assert.deepEqual(r.problems.map((p) => [p.line, p.code]), [[6, 'changed-line']]);
  assert.match(en(r.problems[0]!.text), /differs from line 6 of the exercise/);
  assert.deepEqual(r.blanks.map((b) => b.correct), [true, true, false, false]);
  assert.equal(r.blanks[2]!.given, undefined);
  const extra = gradeSubmission(prepared, fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', '1001') + 'client -> server: FIN+ACK seq=1001 ack=5001\n');
  assert.deepEqual(extra.problems.map((p) => [p.line, en(p.text)]), [[8, 'this line is not in the exercise']]);
  assert.equal(extra.score, 4);
  const missing = gradeSubmission(prepared, fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', '1001').replace('client -> server: ACK seq=u ack=5001           # u is named here\n', ''));
  assert.match(en(missing.problems[0]!.text), /line 7 of the exercise is missing/);
});

test('CRLF, other spacing, moved and added comments, full-width punctuation are no change', () => {
  const sub = [
    'exercise practice  "Handshake"   // my copy',
    '# student: Li Lei',
    'endpoint client',
    'endpoint   server LISTEN',
    'client->server: SYN seq=1000 => client SYN_SENT , server SYN_RECEIVED',
    '# the answer to the SYN',
    'server -> client：SYN+ACK  seq = 5000 ack = 1000 + 1',
    'client -> server: ACK seq=u ack=5001',
    '# fill in the blanks',
  ].join('\r\n');
  const r = gradeSubmission(prepared, sub);
  assert.deepEqual(r.problems, []);
  assert.equal(r.score, 4);
});

test('normalizeLine: spacing around punctuation, comments and runs of spaces do not count; quoted text does', () => {
  assert.equal(normalizeLine('a  ->  b : SYN   seq = x  # c'), normalizeLine('a->b:SYN seq=x'));
  assert.notEqual(normalizeLine('a -> b: ACK data="a  b"'), normalizeLine('a -> b: ACK data="a b"'));
  assert.equal(normalizeLine('a -> b: ACK data="#1" // x'), 'a->b:ACK data="#1"');
});

test('grading finds the answers\' columns in the submission as typed (for the editor)', () => {
  const sub = fill('SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', '1000 + 1');
  const r = gradeSubmission(prepared, sub, { columns: true });
  const lines = sub.split('\n');
  assert.deepEqual(r.blanks.map((b) => lines[b.range!.start.line]!.slice(b.range!.start.character, b.range!.end.character)), ['SYN_SENT', 'SYN_RECEIVED', 'SYN+ACK', '1000 + 1']);
});
