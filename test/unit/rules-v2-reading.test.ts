// Contract v2, 4.4 (one mistake, one finding) and 4.5 (lines with errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { LOOKAHEAD_EVENTS } from '../../src/core/validator/runner.ts';
import { file, found, HANDSHAKE as H, only, finalStates } from './helpers.ts';

const WE = ['error', 'warning'];
const TEARDOWN = [
  'client -> server: FIN+ACK seq=x+1 ack=y+1',
  'server -> client: ACK seq=y+1 ack=x+2',
  'server -> client: FIN+ACK seq=y+1 ack=x+2',
  'client -> server: ACK seq=x+2 ack=y+2',
];

test('a one-off slip is read as meant: one finding, and the message says what a real receiver would do', () => {
  const t = file('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x', 'client -> server: ACK seq=x+1 ack=y+1', ...TEARDOWN);
  assert.deepEqual(found(t), ['4 wrong-ack']);
  const m = only(t, 'wrong-ack')[0].message;
  assert.match(m, /ack should be x\+1/);
  assert.match(m, /client, in SYN_SENT, would answer this SYN\+ACK with RST and stay in SYN_SENT/);
  assert.doesNotMatch(m, /as written/);
  assert.equal(analyze(t).segments[1].reading, 'meant');
});

test('a misconception carried through is read as written: one finding, and the message says the lines below are read with the file\'s numbers', () => {
  const t = file(
    'endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=100', 'b -> a: SYN+ACK seq=300 ack=101', 'a -> b: ACK seq=101 ack=301',
    'a -> b: ACK seq=100 ack=301 len=100', 'b -> a: ACK seq=301 ack=200', 'a -> b: ACK seq=200 ack=301 len=100', 'b -> a: ACK seq=301 ack=300',
    'a -> b: ACK seq=300 ack=301 len=100', 'b -> a: ACK seq=301 ack=400');
  assert.deepEqual(found(t, WE), ['6 wrong-seq']);
  assert.match(only(t, 'wrong-seq')[0].message, /fits this segment as written, so the checker reads it that way/);
  assert.equal(analyze(t).segments[3].reading, 'written');
});

test('the readings tie: as meant', () => {
  const t = file(...H, 'client -> server: ACK seq=x+1 ack=y+5');
  assert.deepEqual(found(t, WE), ['6 wrong-ack']);
  assert.equal(analyze(t).segments[3].reading, 'meant');
});

test('the look-ahead counts the next 20 event lines, no further', () => {
  // Data starting at the ISN; the line that follows the file's own numbers (ack=200) decides the reading only
  // when it lies within the window. Old duplicates that change nothing are neutral event lines.
  const make = (filler: number) => file(
    'endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=100', 'b -> a: SYN+ACK seq=300 ack=101', 'a -> b: ACK seq=101 ack=301',
    'a -> b: ACK seq=100 ack=301 len=100', ...Array.from({ length: filler }, () => 'old b -> a: ACK seq=301 ack=101'), 'b -> a: ACK seq=301 ack=200');
  assert.equal(LOOKAHEAD_EVENTS, 20);
  const inside = make(LOOKAHEAD_EVENTS - 1);
  assert.equal(analyze(inside).segments[3].reading, 'written', 'the 20th event line counts');
  assert.deepEqual(found(inside, WE), ['6 wrong-seq']);
  const outside = make(LOOKAHEAD_EVENTS);
  assert.equal(analyze(outside).segments[3].reading, 'meant', 'the 21st does not');
  assert.deepEqual(found(outside, WE), ['6 wrong-seq', '27 wrong-ack']);
});

test('issue: FIN without ACK mid-teardown (a textbook figure copied) gives one finding per line written so', () => {
  const t = file(...H, 'client -> server: FIN seq=x+1', 'server -> client: ACK seq=y+1 ack=x+2', 'server -> client: FIN+ACK seq=y+1 ack=x+2', 'client -> server: ACK seq=x+2 ack=y+2');
  assert.deepEqual(found(t, WE), ['6 missing-ack-flag']);
  assert.match(only(t, 'missing-ack-flag')[0].message, /server, in ESTABLISHED, would drop this FIN/);
});

test('issue: the third ACK acknowledging the server\'s ISN is one finding', () => {
  const t = file('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x+1', 'client -> server: ACK seq=x+1 ack=y', ...TEARDOWN);
  assert.deepEqual(found(t, WE), ['5 wrong-ack']);
  assert.match(only(t, 'wrong-ack')[0].message, /server, in SYN_RECEIVED, would answer this ACK with RST and stay in SYN_RECEIVED/);
});

test('no receive-side warning after a send-side error; infos still come, and an owed RST is checked when shown', () => {
  const early = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -> b: ACK seq=x+1 ack=5 len=3');
  assert.ok(!found(early).some((c) => c.endsWith('rst-expected') || c.endsWith('ignored-segment')));
  const shown = file('endpoint a', 'endpoint b', 'a -> b: ACK seq=5 ack=9', 'b -> a: RST seq=7');
  assert.deepEqual(found(shown, ['error']), ['3 unexpected-segment', '4 wrong-seq'], 'the RST is owed (seq = the ack 9) and checked');
});

test('unacknowledged is not reported for what a receiver tried to acknowledge on a line with an error', () => {
  const t = file(...H, 'client -> server: FIN+ACK seq=x+1 ack=y+1', 'server -> client: ACK seq=y+1 ack=x+7');
  assert.deepEqual(found(t, WE), ['7 wrong-ack']);
  const notRun = file(...H, 'client -> server: FIN+ACK seq=x+1 ack=y+1', 'server -> client: BOGUS seq=y+1 ack=x+2');
  assert.deepEqual(found(notRun, WE), ['7 unknown-flag'], 'a line that did not run, with an ack= written');
});

test('a value not known yet is never checked; one no line has written never reaches a message', () => {
  const t = file('endpoint a ESTABLISHED', 'endpoint b ESTABLISHED', 'a -> b: ACK len=10');
  assert.deepEqual(found(t, WE), []);
  for (const d of analyze(file('endpoint a', 'endpoint b', 'b -> a: ACK', 'a -> b: ACK ack=5')).diagnostics) {
    assert.doesNotMatch(d.message, /\?|#\d|ISS\(|RST\(/, d.message);
  }
});

test('values in a segment the sender may not send: left out, they take SND.NXT / RCV.NXT; the receiver drops an unknown silently', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -> b: ACK len=3');
  const a = analyze(t);
  assert.equal(a.format(a.segments[1].seq!), 'x+1');
  assert.deepEqual(found(t, WE).filter((c) => c.startsWith('4')), ['4 unexpected-segment']);
});

test('a crash ends what the endpoint owed: no rst-expected after it', () => {
  const t = file('endpoint client', 'endpoint server LISTEN', 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x+1', 'old client -> server: ACK seq=x+1 ack=y+500', 'server crash');
  assert.deepEqual(found(t, WE), ['4 unacknowledged'], 'the RST owed for line 5 is forgotten with the connection');
  assert.deepEqual(found(t.replace('server crash\n', ''), WE), ['4 unacknowledged', '5 rst-expected']);
});

test('4.5.1: a line that does not run has no step, its assertions are not checked, and a deliver of its id says nothing more', () => {
  const t = file(...H, 'client ~> server: BOGUS seq=x+1 ack=y+1 id=s1 => server CLOSED', 'deliver s1');
  const a = analyze(t);
  assert.equal(a.stepAtLine[5], -1);
  assert.deepEqual(found(t, WE), ['6 unknown-flag']);
});

test('4.5.2: an unknown flag word: no ACK findings on that line, and the segment is delivered with ACK on', () => {
  const t = file(...H, 'client -> server: FIN BOGUS seq=x+1 ack=y+1 => server CLOSE_WAIT', 'server -> client: ACK seq=y+1 ack=x+2');
  assert.deepEqual(found(t, WE), ['6 unknown-flag']);
});

test('4.5.2 / issue bug 4: a word after a field is a syntax-error on that word, the field keeps its value', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=1', 'b -> a: SYN+ACK seq=100 ack=2', 'a -> b: ACK seq=2 ack=101', 'a -> b: ACK seq=2 ack=999 PSH');
  assert.deepEqual(found(t, WE).sort(), ['6 syntax-error', '6 wrong-ack']);
});

test('4.5.4: ~> without id is id-required only; a ~> with a duplicate id is never delivered, without undelivered', () => {
  assert.deepEqual(found(file(...H, 'client ~> server: ACK seq=x+1 ack=y+1'), WE), ['6 id-required']);
  const dup = file(...H, 'client ~> server: ACK seq=x+1 ack=y+1 len=1 id=a', 'client ~> server: ACK seq=x+2 ack=y+1 len=1 id=a', 'deliver a');
  assert.deepEqual(found(dup, WE), ['7 duplicate-id']);
});

test('4.5.5: a deliver with extra words delivers its well-formed ids', () => {
  const t = file(...H, 'client ~> server: ACK seq=x+1 ack=y+1 len=1 id=d1', 'deliver d1 ; 9x');
  const a = analyze(t);
  assert.equal(a.segments[3].deliveredLine, 6);
  assert.ok(found(t, WE).every((c) => c.endsWith('syntax-error')));
});

test('an assertion always compares with the state computed: a wrong state assertion is one state-mismatch', () => {
  assert.deepEqual(found(file(...H, 'expect client FIN_WAIT_1'), WE), ['6 state-mismatch']);
});

test('4.5.1: an unknown SRC or DST is the line\'s only problem', () => {
  const t = file('endpoint a', 'endpoint b', 'a -> c: BOGUS seq=1', 'c -> a: SYN+FIN');
  assert.deepEqual(found(t, WE), ['3 unknown-endpoint', '4 unknown-endpoint']);
});

test('every send-side error of a delivered segment says what the receiver does with it as written', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -> b: ACK seq=x+1 ack=5 len=3');
  assert.match(only(t, 'unexpected-segment')[0].message, /b, in SYN_RECEIVED, would answer this ACK with RST and stay in SYN_RECEIVED$/);
  const lost = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -x b: ACK seq=x+1 ack=5 len=3');
  assert.doesNotMatch(only(lost, 'unexpected-segment')[0].message, /would/, 'a lost segment reaches no receiver');
});

test('a FIN sent again that starts inside earlier data keeps its seq where written in both readings', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1', 'a -> b: ACK seq=1 ack=101',
    'a -> b: ACK seq=1 ack=101 len=10', 'a -x b: FIN+ACK seq=11 ack=101', 'a -> b: FIN+ACK seq=5 ack=101 len=6', 'b -> a: ACK seq=101 ack=12 => a FIN_WAIT_2');
  assert.deepEqual(found(t, WE), ['8 wrong-seq'], 'one finding; the FIN stays at 11, not a second FIN at 12');
  assert.equal(finalStates(analyze(t)), 'a=FIN_WAIT_2 b=CLOSE_WAIT');
});
