// Contract v2, 4.2: receiving in RFC 9293's order (3.10.7.4). `old` segments put any segment on the
// wire without send-side checks, so each receive rule is tested on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { file, found, only, statesAt, finalStates } from './helpers.ts';

const WE = ['error', 'warning'];
const NUM = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1', 'a -> b: ACK seq=1 ack=101'];

test('the sequence check comes first, also for a segment without ACK: a retransmitted SYN is a duplicate at the receiver', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -x a: SYN+ACK seq=100 ack=1', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1', 'a -> b: ACK seq=1 ack=101');
  assert.deepEqual(found(t).sort(), ['5 duplicate-segment', '5 retransmission', '6 retransmission']);
  assert.equal(statesAt(analyze(t), 5), 'a=SYN_SENT b=SYN_RECEIVED', 'the duplicate SYN changes nothing');
});

test('a SYN in a synchronized state is challenge-ack (info): nothing changes, also in SYN_RECEIVED', () => {
  const est = file(...NUM, 'old a -> b: SYN seq=5000');
  assert.deepEqual(found(est), ['6 challenge-ack']);
  assert.equal(finalStates(analyze(est)), 'a=ESTABLISHED b=ESTABLISHED');
  const synRcvd = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'old a -> b: SYN seq=7', 'b -> a: SYN+ACK seq=100 ack=1', 'a -> b: ACK seq=1 ack=101');
  assert.deepEqual(found(synRcvd), ['4 challenge-ack']);
  assert.match(only(est, 'challenge-ack')[0].message, /<SEQ=101><ACK=1>/);
});

test('SYN_RECEIVED: an ACK that does not acknowledge the SYN is rst-expected (RFC 9293 3.10.7.4), and the state stays', () => {
  const base = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1'];
  const t = file(...base, 'old a -> b: ACK seq=1 ack=500');
  assert.deepEqual(found(t, WE), ['4 unacknowledged', '5 rst-expected'], 'an old line does not acknowledge anything for a');
  assert.equal(statesAt(analyze(t), 5), 'a=ESTABLISHED b=SYN_RECEIVED');
  assert.deepEqual(found(file(...base, 'old a -> b: ACK seq=1 ack=500', 'b -x a: RST seq=500', 'a -> b: ACK seq=1 ack=101'), WE), [], 'the RST it owes, shown');
  const before = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'old a -> b: ACK seq=1 ack=1');
  assert.deepEqual(found(before, WE), ['3 unacknowledged', '4 rst-expected'], 'an ACK before its SYN+ACK was sent gets a RST too');
  const unknownAck = file(...base, 'old a -> b: ACK seq=1 ack=z');
  assert.deepEqual(found(unknownAck, WE), ['4 unacknowledged', '5 rst-expected'], 'an ack it cannot compare');
});

test('elsewhere an ack above SND.NXT, or one it cannot compare, is ignored-segment (the receiver ACKs and drops it)', () => {
  assert.deepEqual(found(file(...NUM, 'old a -> b: ACK seq=1 ack=500 len=5'), WE), ['6 ignored-segment']);
  assert.deepEqual(found(file(...NUM, 'old a -> b: ACK seq=1 ack=z len=5'), WE), ['6 ignored-segment']);
  const t = analyze(file(...NUM, 'old a -> b: ACK seq=1 ack=500 len=5'));
  assert.equal(t.steps[t.stepAtLine[5]].tcbs[1].rcvNxt?.off, 1, 'its data is not taken');
});

test('wrong-ack and unexpected-segment are send-side only: the receiver never reports them', () => {
  const codes = analyze(file(...NUM, 'old a -> b: ACK seq=1 ack=500', 'old a -> b: SYN+ACK seq=9 ack=1')).diagnostics.map((d) => d.code);
  assert.ok(!codes.includes('wrong-ack') && !codes.includes('unexpected-segment'), codes.join());
});

test('issue bug 3: LAST_ACK -> CLOSED stops the processing of that segment (no false unacknowledged)', () => {
  const t = file(...NUM, 'b -> a: FIN+ACK seq=101 ack=1', 'a -> b: FIN+ACK seq=1 ack=102  => a LAST_ACK', 'old b -> a: FIN+ACK seq=102 ack=2');
  assert.equal(finalStates(analyze(t)), 'a=CLOSED b=TIME_WAIT');
  assert.deepEqual(found(t, WE), ['7 unacknowledged'], 'the FIN on the segment that closed a is not taken, so a owes no ACK for it (b\'s own FIN-ACK debt is what is left)');
});

test('the receiver\'s window: octets past RCV.NXT + its last win= are not taken, and its next ACK stays', () => {
  const w = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1 win=10', 'a -> b: ACK seq=1 ack=101'];
  const a = analyze(file(...w, 'old a -> b: ACK seq=1 ack=101 len=15'));
  assert.equal(a.steps[a.stepAtLine[5]].tcbs[1].rcvNxt?.off, 11, 'only the 10 octets of the window are taken');
  const probe = file(...w, 'a -> b: ACK seq=1 ack=101 len=10', 'b -> a: ACK seq=101 ack=11 win=0', 'a -> b: ACK seq=11 ack=101 len=1', 'b -> a: ACK seq=101 ack=11 win=0');
  assert.deepEqual(found(probe, WE), [], 'a zero-window probe is refused: the ACK stays at 11');
  assert.deepEqual(found(probe), ['8 window-probe']);
});

test('the receiver\'s window: a segment with window-exceeded at its sender is taken whole (read as meant)', () => {
  const w = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1 win=10', 'a -> b: ACK seq=1 ack=101'];
  const t = file(...w, 'a -> b: ACK seq=1 ack=101 len=15', 'b -> a: ACK seq=101 ack=16');
  assert.deepEqual(found(t, WE), ['6 window-exceeded']);
});

test('the receiver\'s window: a FIN after octets not taken is not taken either', () => {
  const w = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1 win=10', 'a -> b: ACK seq=1 ack=101'];
  const a = analyze(file(...w, 'old a -> b: FIN+ACK seq=1 ack=101 len=15'));
  assert.equal(a.final[1], 'ESTABLISHED');
});

test('data carried on a SYN is never taken: RCV.NXT = seq+1', () => {
  const a = analyze(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0 len=20'));
  assert.equal(a.steps[0].tcbs[1].rcvNxt?.off, 1);
});

test('a RST is accepted only at RCV.NXT (RFC 5961), otherwise ignored-segment', () => {
  assert.deepEqual(found(file(...NUM, 'old a -> b: RST seq=50'), WE), ['6 ignored-segment']);
  assert.equal(finalStates(analyze(file(...NUM, 'old a -> b: RST seq=1'))), 'a=ESTABLISHED b=CLOSED');
});

test('out-of-order octets past the receive window are dropped when they arrive', () => {
  const w = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1 win=10', 'a -> b: ACK seq=1 ack=101'];
  const a = analyze(file(...w, 'old a -> b: ACK seq=6 ack=101 len=10', 'old a -> b: ACK seq=1 ack=101 len=5'));
  assert.equal(a.steps[a.stepAtLine[6]].tcbs[1].rcvNxt?.off, 11, 'only up to 1 + 10 was queued');
});
