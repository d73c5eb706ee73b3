// "Create Exercise from This File…": the values, flags and states inside a selection become blanks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeExercise, blankOut } from '../../src/core/exercise/index.ts';
import { file } from './helpers.ts';

const SOLVED = file(
  'endpoint client',
  'endpoint server LISTEN',
  'client -> server: SYN seq=x                 => client SYN_SENT',
  'server -> client: SYN+ACK seq=y ack=x+1     => client ESTABLISHED',
  'client -> server: ACK seq=x+1 ack=y+1 len=10',
);
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

test('a selected line: its flags, values and states become blanks; the file becomes an exercise', () => {
  const { text, count } = blankOut(SOLVED, [range(3, 0, 80)]);
  assert.equal(count, 4);
  assert.equal(text.split('\n')[4], 'server -> client: ? seq=? ack=?     => client ?');
  assert.match(text, /^exercise practice\n/);
  assert.deepEqual(analyzeExercise(text).exercise.key.map((e) => `${e.kind}=${e.answer}`), ['flags=SYN+ACK', 'seq=any', 'ack=x+1', 'state=ESTABLISHED']);
});

test('a cursor on a value blanks that value only; len and the other lines stay', () => {
  const line = SOLVED.split('\n')[4]!;
  const { text, count } = blankOut(SOLVED, [range(4, line.indexOf('len=') + 5, line.indexOf('len=') + 5), range(4, line.indexOf('ack=') + 4, line.indexOf('ack=') + 4)]);
  assert.equal(count, 2);
  assert.equal(text.split('\n')[5], 'client -> server: ACK seq=x+1 ack=? len=?');
  assert.equal(text.split('\n').length, SOLVED.split('\n').length + 1);
});

test('nothing blankable selected: the text is unchanged', () => {
  const { text, count } = blankOut(SOLVED, [range(0, 0, 8)]);
  assert.deepEqual([text, count], [SOLVED, 0]);
});
