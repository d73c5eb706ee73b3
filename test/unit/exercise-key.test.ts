// The key of an exercise (contract 9): each blank's answer found by running the file, in the file's
// notation, with a reason; `bad-blank` where no answer is right; no diagnostic on a blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { analyzeExercise, BAD_BLANK, type KeyEntry } from '../../src/core/exercise/index.ts';
import { en, formatText } from '../../src/core/i18n/format.ts';
import { file } from './helpers.ts';

const EXERCISES = resolve(import.meta.dirname, '../../examples/exercises');
const answers = (text: string) => analyzeExercise(text).exercise.key.map((e) => `${e.line + 1} ${e.kind} ${e.bad ? 'BAD' : e.answer}`);
const entry = (text: string, line: number, kind: string): KeyEntry => {
  const e = analyzeExercise(text).exercise.key.find((k) => k.line + 1 === line && k.kind === kind);
  assert.ok(e, `a ${kind} blank on line ${line}`);
  return e;
};

const HANDSHAKE = file(
  'endpoint client',
  'endpoint server LISTEN',
  'client -> server: SYN seq=x                => client ?, server ?',
  'server -> client: ? seq=y ack=?            => client ?',
  'client -> server: ACK seq=? ack=?',
);

test('symbolic file: answers in the file\'s notation, states after the line, flags by trying them', () => {
  assert.deepEqual(answers(HANDSHAKE), [
    '3 state SYN_SENT', '3 state SYN_RECEIVED', '4 flags SYN+ACK', '4 ack x+1', '4 state ESTABLISHED', '5 seq x+1', '5 ack y+1',
  ]);
  const ack = entry(HANDSHAKE, 4, 'ack');
  assert.equal(ack.number, undefined, 'a symbolic answer has no number');
  assert.equal(en(ack.reason), 'ack should be x+1: the SYN occupies one sequence number (RFC 9293 3.4)');
  assert.match(formatText('zh-cn', ack.reason), /^确认号应为 x\+1：SYN 占用一个序号/);
});

test('numeric file: the answer is a number too', () => {
  const text = file('endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=42 ack=79 data="C"', 'B -> A: ACK seq=? ack=? data="C"');
  assert.deepEqual(answers(text), ['4 seq 79', '4 ack 43']);
  assert.equal(entry(text, 4, 'ack').number, 43);
});

test('the seq of a SYN is any; a SYN sent again has the same ISN', () => {
  const text = file('endpoint client', 'endpoint server LISTEN', 'client -x server: SYN seq=?', 'client -> server: SYN seq=x', 'client -> server: SYN seq=?');
  const key = analyzeExercise(text).exercise.key;
  assert.equal(key[0]!.answer, 'any');
  assert.equal(key[0]!.any, true);
  assert.equal(key[1]!.answer, 'x');
});

test('a blank on a retransmission: the start the following lines need, not SND.NXT', () => {
  const text = readFileSync(resolve(EXERCISES, 'data-transfer.tcpseq'), 'utf8');
  const seqs = analyzeExercise(text).exercise.key.filter((e) => e.kind === 'seq').map((e) => `${e.line + 1}=${e.answer}`);
  assert.deepEqual(seqs, ['8=43', '12=243', '14=143']);
  assert.match(en(entry(text, 14, 'seq').reason), /retransmits what A first sent on line 11/);
});

test('len as the following lines need it', () => {
  const text = readFileSync(resolve(EXERCISES, 'data-transfer.tcpseq'), 'utf8');
  const len = entry(text, 9, 'len');
  assert.equal(len.answer, '100');
  assert.equal(len.number, 100);
  const free = file('endpoint A ESTABLISHED snd=1 rcv=1', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=1 ack=1 len=?');
  assert.equal(entry(free, 3, 'len').answer, 'any');
});

test('win: the smallest window the following lines need, or exactly the one they show', () => {
  const atLeast = file(
    'endpoint A ESTABLISHED snd=1000 rcv=5000', 'endpoint B ESTABLISHED',
    'B -> A: ACK seq=5000 ack=1000 win=?',
    'A -> B: ACK seq=1000 ack=5000 len=100',
    'A -> B: ACK seq=1100 ack=5000 len=200',
    'B -> A: ACK seq=5000 ack=1300',
  );
  const min = entry(atLeast, 3, 'win');
  assert.deepEqual([min.answer, min.atLeast], ['300', true]);
  assert.match(en(min.reason), /^win should be at least 300/);
  const zero = file(
    'endpoint A ESTABLISHED snd=1000 rcv=5000', 'endpoint B ESTABLISHED',
    'B -> A: ACK seq=5000 ack=1000 win=?',
    'A -> B: ACK seq=1000 ack=5000 len=1',
    'B -> A: ACK seq=5000 ack=1000 win=0',
  );
  const probe = entry(zero, 3, 'win');
  assert.deepEqual([probe.answer, probe.atLeast], ['0', undefined], 'the one octet is a probe: B refuses it');
});

test('a flags blank with two right answers: both are kept, the first in contract order is shown', () => {
  const text = file(
    'endpoint client ESTABLISHED snd=100 rcv=300', 'endpoint server ESTABLISHED',
    'server crash                => server ?',
    'client -> server: ACK seq=? ack=300 len=10',
    'server -> client: ? seq=300                     => client ?',
  );
  const flags = entry(text, 5, 'flags');
  assert.equal(flags.answer, 'RST');
  assert.deepEqual(flags.alternatives, ['RST', 'RST+ACK']);
  assert.match(en(flags.reason), /also right: RST\+ACK/);
});

test('a state blank after a crash', () => {
  const text = file('endpoint client ESTABLISHED snd=100 rcv=300', 'endpoint server ESTABLISHED', 'server crash => server ?', 'expect client ?');
  assert.deepEqual(answers(text), ['3 state CLOSED', '4 state ESTABLISHED']);
});

test('bad-blank: an ack on a segment without ACK, flags no choice makes hold; never a finding on a blank', () => {
  const text = file('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x ack=?', 'server -> client: ? seq=y ack=x+1 => client SYN_SENT');
  const a = analyzeExercise(text);
  assert.deepEqual(a.diagnostics.filter((d) => d.code === BAD_BLANK).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`), ['3:33', '4:19']);
  assert.ok(a.diagnostics.every((d) => d.severity !== 'error' || d.code === BAD_BLANK || d.code === 'state-mismatch'));
  const clean = analyzeExercise(HANDSHAKE);
  assert.deepEqual(clean.diagnostics, [], 'a good exercise: no finding at all');
});

test('diagnostics on a line whose blank was filled point at the original text', () => {
  const text = file('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x+1', 'client -> server: ACK seq=? ack=y+1 => server CLOSED');
  const d = analyzeExercise(text).diagnostics.find((x) => x.code === 'state-mismatch');
  assert.ok(d);
  const line = text.split('\n')[4]!;
  assert.equal(line.slice(d.range.start.character, d.range.end.character), 'CLOSED');
});

test('without blanks analyzeExercise is analyze', () => {
  const text = readFileSync(resolve(import.meta.dirname, '../../examples/01-handshake-teardown-textbook.tcpseq'), 'utf8');
  const a = analyzeExercise(text);
  assert.deepEqual(a.diagnostics, analyze(text).diagnostics);
  assert.deepEqual(a.exercise.key, []);
});

test('the exercise statement: mode and title', () => {
  const a = analyzeExercise(file('exercise exam "Teardown"', 'a -> b: SYN seq=?'));
  assert.equal(a.exercise.mode, 'exam');
  assert.equal(a.exercise.title, 'Teardown');
  assert.equal(analyzeExercise(file('a -> b: SYN seq=?')).exercise.mode, 'practice');
});

test('every example exercise has a key without bad blanks, matching its .key.txt', () => {
  for (const name of ['handshake', 'teardown', 'data-transfer']) {
    const a = analyzeExercise(readFileSync(resolve(EXERCISES, `${name}.tcpseq`), 'utf8'));
    assert.ok(a.exercise.key.length >= 7, name);
    assert.ok(a.exercise.key.every((e) => !e.bad), name);
    assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'info'), [], name);
    const keyFile = readFileSync(resolve(EXERCISES, `${name}.key.txt`), 'utf8');
    for (const e of a.exercise.key) assert.ok(keyFile.includes(`${e.line + 1}:${e.range.start.character + 1} ${e.kind} (${e.endpoint}): ${e.answer}`), `${name} ${e.line + 1} ${e.kind}`);
  }
});
