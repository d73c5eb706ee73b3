// The student's view in the editor: progress, practice feedback, exam silence, and no answer anywhere in
// what the editor features read (expected values, TCB numbers, states, symbols, diagnostics).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BLANK_RIGHT, BLANK_WRONG, prepareExercise, studentView } from '../../src/core/exercise/index.ts';
import { stateHints } from '../../src/core/editor/inlayHints.ts';
import { diagramOf } from '../../src/core/diagram/index.ts';
import { completionsAt } from '../../src/core/editor/completion.ts';
import { hoverAt } from '../../src/core/editor/hover.ts';
import { file } from './helpers.ts';

const EXERCISE = file(
  'exercise practice "Handshake"',
  'endpoint client',
  'endpoint server LISTEN',
  'client -> server: SYN seq=x                     => client ?',
  'server -> client: ? seq=y ack=?',
  'client -> server: ACK seq=? ack=y+1',
);
const ex = prepareExercise(EXERCISE);
const ANSWERS = ['SYN_SENT', 'SYN+ACK', 'x+1', 'x+1'];

test('progress: how many blanks are filled', () => {
  assert.deepEqual([studentView(ex, EXERCISE).filled, studentView(ex, EXERCISE).total], [0, 4]);
  const two = EXERCISE.replace('=> client ?', '=> client SYN_SENT').replace('ack=?', 'ack=x');
  assert.deepEqual([studentView(ex, two).filled, studentView(ex, two).total], [2, 4]);
});

test('practice: a right answer is an info with the reason, a wrong one an error with the reason, at the answer', () => {
  const text = EXERCISE.replace('=> client ?', '=> client SYN_SENT').replace('ack=?', 'ack=x');
  const v = studentView(ex, text);
  const fb = v.analysis.diagnostics.filter((d) => d.code === BLANK_RIGHT || d.code === BLANK_WRONG);
  assert.deepEqual(fb.map((d) => [d.code, d.severity, d.range.start.line + 1]), [['blank-right', 'info', 4], ['blank-wrong', 'error', 5]]);
  const lines = text.split('\n');
  assert.equal(lines[4]!.slice(fb[1]!.range.start.character, fb[1]!.range.end.character), 'x');
  assert.match(fb[1]!.message, /^not right: ack should be x\+1/);
});

test('exam: no feedback on filled blanks, only syntax', () => {
  const exam = prepareExercise(EXERCISE.replace('practice', 'exam'));
  const text = EXERCISE.replace('practice', 'exam').replace('ack=?', 'ack=x').replace('=> client ?', '=> client SYN_SENTT');
  const v = studentView(exam, text);
  assert.deepEqual(v.analysis.diagnostics.map((d) => d.code), ['unknown-state']);
});

test('the analysis the editor reads hands out no answer', () => {
  let i = 0;
  const solved = EXERCISE.replace(/\?/g, () => ANSWERS[i++]!);
  const v = studentView(ex, EXERCISE);
  const a = v.analysis;
  assert.ok(a.segments.every((s) => s.expectedSeq === undefined && s.expectedAck === undefined));
  assert.ok(a.steps.every((s) => s.tcbs.every((t) => t.sndNxt === undefined && t.rcvNxt === undefined && t.iss === undefined)));
  assert.ok(stateHints(a).every((h) => !/SYN_SENT|ESTABLISHED|SYN_RECEIVED/.test(h.label)), 'states hidden where a state is asked');
  assert.deepEqual(a.diagnostics, []);
  const mermaid = diagramOf(a, EXERCISE).mermaid;
  assert.doesNotMatch(mermaid, /x\+1|SYN\+ACK|SYN_SENT/, 'the diagram shows no answer');
  assert.match(mermaid, /: \? seq=y ack=\?/, 'the diagram shows the blanks as ?');
  // The solved file does show them (the check is not vacuous).
  assert.match(diagramOf(studentView(ex, solved).analysis, solved).mermaid, /SYN\+ACK/);
});

test('a changed line is a warning in the editor too', () => {
  const v = studentView(ex, EXERCISE.replace('seq=y', 'seq=z'));
  assert.deepEqual(v.analysis.diagnostics.map((d) => [d.code, d.severity, d.range.start.line + 1]), [['changed-line', 'warning', 5]]);
});

test('blanks are marked where they stand, filled or not', () => {
  const text = EXERCISE.replace('ack=?', 'ack=x + 1');
  const v = studentView(ex, text);
  const lines = text.split('\n');
  assert.deepEqual(v.marks.map((m) => [lines[m.range.start.line]!.slice(m.range.start.character, m.range.end.character), m.filled]).sort(),
    [['?', false], ['?', false], ['?', false], ['x + 1', true]].sort());
});

test('completion and hover on the student view work and offer no answer', () => {
  const a = studentView(ex, EXERCISE).analysis;
  const lines = EXERCISE.split('\n');
  const at = (line: number, needle: string, offset = 0) => ({ line, character: lines[line]!.indexOf(needle) + offset });
  for (const pos of [at(4, 'ack=?', 4), at(4, '? seq', 0), at(5, 'seq=?', 4), at(3, 'client ?', 7)]) {
    const result = completionsAt(a, EXERCISE, pos);
    const items = result.items.map((i) => i.label);
    assert.ok(!items.some((l) => /x\+1/.test(l)), `completion at ${pos.line + 1}:${pos.character + 1}: ${items.slice(0, 12).join(', ')}`);
    // States may all be offered, in their fixed order: none is put first or preselected as the answer.
    if (result.context === 'assertion-state') assert.equal(items[0], 'CLOSED');
    assert.ok(!result.items.some((i) => i.preselect), `nothing preselected at ${pos.line + 1}:${pos.character + 1}`);
    const hover = hoverAt(a, pos)?.markdown ?? '';
    assert.doesNotMatch(hover, /x\+1|SYN\+ACK|SYN_SENT/, `hover at ${pos.line + 1}:${pos.character + 1}`);
  }
});
