// Contract 4.1: sending, one test per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { file, found, HANDSHAKE as H, only, statesAt } from './helpers.ts';

const EST = file(...H); // both ESTABLISHED, client SND.NXT x+1, server SND.NXT y+1

test('SYN from CLOSED or LISTEN is an active open to SYN_SENT, any seq', () => {
  assert.equal(statesAt(analyze(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=12345')), 3), 'a=SYN_SENT b=SYN_RECEIVED');
  const fromListen = analyze(file('endpoint a LISTEN', 'endpoint b LISTEN', 'a -> b: SYN seq=7'));
  assert.equal(statesAt(fromListen, 3), 'a=SYN_SENT b=SYN_RECEIVED');
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=4294967295', 'b -> a: SYN+ACK seq=0 ack=0', 'a -> b: ACK seq=0 ack=1')), [], 'seq wraps modulo 2^32');
});

test('SYN again from SYN_SENT with the ISS is a retransmission; another seq is wrong-seq', () => {
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -x b: SYN seq=x', 'a -> b: SYN seq=x'), ['error', 'info']), ['4 retransmission']);
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -x b: SYN seq=100', 'a -> b: SYN seq=200'), ['error']), ['4 wrong-seq']);
});

test('SYN from a synchronized state is unexpected-segment (error at send)', () => {
  const d = only(EST + 'client -> server: SYN seq=x+1\n', 'unexpected-segment');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'error');
  assert.equal(d[0].range.start.line, 5);
});

test('SYN+ACK from SYN_RECEIVED: seq is the ISS, ack must be IRS+1', () => {
  const wrong = only(file(...H.slice(0, 3), 'server -> client: SYN+ACK seq=y ack=x'), 'wrong-ack');
  assert.equal(wrong.length, 1);
  assert.match(wrong[0].message, /ack should be x\+1.*found x; client, in SYN_SENT, would answer this SYN\+ACK with RST/);
  assert.deepEqual(found(file('endpoint a', 'endpoint b', 'a -> b: SYN+ACK seq=1 ack=1'), ['error']), ['3 unexpected-segment']);
});

test('in SYN_RECEIVED, before its SYN+ACK, an endpoint may send only that or a RST', () => {
  assert.deepEqual(found(file(...H.slice(0, 3), 'server -> client: ACK seq=y ack=x+1'), ['error']), ['4 unexpected-segment']);
  assert.deepEqual(found(file(...H.slice(0, 3), 'server -> client: RST+ACK seq=0 ack=x+1 => server CLOSED, client CLOSED')), []);
});

test('data before ESTABLISHED (from SYN_SENT) is unexpected-segment', () => {
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -> b: PSH+ACK seq=x+1 ack=0 len=10'), ['error'])[0], '4 unexpected-segment');
});

test('in a synchronized state every segment but RST carries ACK', () => {
  assert.deepEqual(found(EST + 'client -> server: PSH seq=x+1 len=5\n', ['error']), ['6 missing-ack-flag']);
  assert.deepEqual(found(EST + 'client -> server: RST seq=x+1\n', ['error', 'warning']), []);
});

test('FIN: ESTABLISHED -> FIN_WAIT_1, CLOSE_WAIT -> LAST_ACK, SYN_RECEIVED -> FIN_WAIT_1', () => {
  const a = analyze(EST + 'client -> server: FIN+ACK seq=x+1 ack=y+1\nserver -> client: FIN+ACK seq=y+1 ack=x+2\n');
  assert.equal(statesAt(a, 6), 'client=FIN_WAIT_1 server=CLOSE_WAIT');
  assert.equal(statesAt(a, 7), 'client=TIME_WAIT server=LAST_ACK');
  const early = analyze(file(...H.slice(0, 4), 'server -> client: FIN+ACK seq=y+1 ack=x+1'));
  assert.equal(statesAt(early, 5), 'client=CLOSE_WAIT server=FIN_WAIT_1');
});

test('a FIN with the seq of the earlier FIN is a retransmission in FIN_WAIT_1, CLOSING, LAST_ACK; not in FIN_WAIT_2', () => {
  const t = EST + 'client -x server: FIN+ACK seq=x+1 ack=y+1\nclient -> server: FIN+ACK seq=x+1 ack=y+1 => client FIN_WAIT_1\n';
  assert.deepEqual(found(t, ['error', 'info']), ['7 retransmission']);
  const fw2 = EST + 'client -> server: FIN+ACK seq=x+1 ack=y+1\nserver -> client: ACK seq=y+1 ack=x+2 => client FIN_WAIT_2\nclient -> server: FIN+ACK seq=x+1 ack=y+1\n';
  assert.ok(found(fw2, ['error']).includes('8 unexpected-segment'));
});

test('data at or beyond the sender\'s own FIN is data-after-fin; data before it may be retransmitted', () => {
  assert.deepEqual(found(EST + 'client -> server: FIN+ACK seq=x+1 ack=y+1\nclient -> server: ACK seq=x+2 ack=y+1 len=5\n', ['error']), ['7 data-after-fin']);
  const resend = EST + 'client -x server: PSH+ACK seq=x+1 ack=y+1 len=10\nclient -> server: FIN+ACK seq=x+11 ack=y+1\nclient -> server: PSH+ACK seq=x+1 ack=y+1 len=10\nserver -> client: ACK seq=y+1 ack=x+12\n';
  assert.deepEqual(found(resend, ['error', 'warning']), []);
});

test('seq must equal SND.NXT; the message gives the expected value in the file\'s notation', () => {
  const d = only(file(...H.slice(0, 4), 'client -> server: ACK seq=x ack=y+1'), 'wrong-seq');
  assert.equal(d.length, 1, 'ACK seq=x after the SYN is not a keep-alive: the client never acknowledged before');
  assert.match(d[0].message, /^seq should be x\+1, the next octet client sends: its SYN took one sequence number; found x; server, in SYN_RECEIVED, would take this ACK as a duplicate/);
  assert.equal(d[0].params.expected, 'x+1');
  assert.deepEqual(found(EST + 'client -> server: ACK seq=x+5 ack=y+1\n', ['error']), ['6 wrong-seq']);
});

test('a seq below SND.NXT repeating sent octets is a retransmission, also when it goes on past SND.NXT', () => {
  const t = EST + 'client -> server: ACK seq=x+1 ack=y+1 len=10\nclient -> server: ACK seq=x+1 ack=y+1 len=20\n';
  assert.deepEqual(found(t, ['error', 'warning']), []);
  assert.ok(found(t).includes('7 retransmission'));
  const a = analyze(t + 'client -> server: ACK seq=x+21 ack=y+1\n');
  assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'info'), [], 'SND.NXT advanced to x+21 with the new octets');
});

test('an empty segment at SND.NXT-1 after acknowledging everything is a keep-alive probe', () => {
  assert.deepEqual(found(EST + 'client -> server: ACK seq=x ack=y+1\n').sort(), ['6 duplicate-segment', '6 keep-alive'], 'a probe is a duplicate at the receiver (4.2 step 1)');
});

test('with ACK, ack must equal the sender\'s RCV.NXT; without ACK an ack field is a warning', () => {
  const d = only(EST + 'client -> server: ACK seq=x+1 ack=y\n', 'wrong-ack');
  assert.match(d[0].message, /^ack should be y\+1, the next octet client expects \(its RCV\.NXT\); found y; server, in ESTABLISHED, would take this ACK/);
  assert.equal(d[0].related?.[0].range.start.line, 3, 'points at the SYN+ACK that set RCV.NXT');
  assert.deepEqual(found(file('a -> b: SYN seq=1 ack=9'), ['warning']).sort(), ['1 ack-without-flag', '1 unacknowledged']);
});

test('a RST answering a segment with ACK takes seq from that ack; ACK on it allowed, ack not checked', () => {
  const t = file('endpoint a', 'endpoint b', 'a -> b: SYN seq=x', 'b -> a: RST+ACK seq=0 ack=x+1 => a CLOSED');
  assert.deepEqual(found(t), []);
  const listenGetsAck = file('endpoint a', 'endpoint b LISTEN', 'a -> b: ACK seq=5 ack=77'.replace('a -> b', 'a -> b'), 'b -> a: RST seq=77');
  assert.deepEqual(found(listenGetsAck, ['warning']), [], 'the RST answers the stray segment');
});

test('a RST answering a segment without ACK is RST+ACK seq=0 ack=seq+len; others are wrong', () => {
  const base = ['endpoint a', 'endpoint b', 'a -> b: SYN seq=100'];
  assert.deepEqual(found(file(...base, 'b -> a: RST+ACK seq=0 ack=101')), []);
  assert.deepEqual(found(file(...base, 'b -> a: RST+ACK seq=5 ack=101'), ['error']), ['4 wrong-seq']);
  assert.deepEqual(found(file(...base, 'b -> a: RST+ACK seq=0 ack=100'), ['error']), ['4 wrong-ack']);
  assert.deepEqual(found(file(...base, 'b -> a: RST seq=0'), ['error']), ['4 missing-ack-flag']);
  const answered = file('endpoint a', 'endpoint b', 'a -> b: ACK seq=5 ack=77'.replace('ACK seq=5 ack=77', 'SYN seq=5'), 'b -> a: R. seq=0 ack=6');
  assert.equal(statesAt(analyze(answered), 4), 'a=CLOSED b=CLOSED');
});

test('a RST from CLOSED or LISTEN that answers nothing is not checked', () => {
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -> b: RST seq=99')), []);
});

test('an abort RST carries SND.NXT and closes the sender', () => {
  const a = analyze(EST + 'client -> server: RST seq=x+1 => client CLOSED, server CLOSED\n');
  assert.deepEqual(a.diagnostics, []);
  assert.deepEqual(found(EST + 'client -> server: RST seq=x+7\n', ['error']), ['6 wrong-seq']);
});
