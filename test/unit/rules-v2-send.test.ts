// Contract v2, 4.1: sending — the retransmission start rule, FIN retransmission, keep-alive conditions,
// the window at the sender, and "all checks run".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { file, found, HANDSHAKE as H, only, statesAt, finalStates } from './helpers.ts';

const WE = ['error', 'warning'];
const NUM = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1', 'a -> b: ACK seq=1 ack=101'];

test('issue bug 1: a retransmission that runs on past SND.NXT with new data and a FIN is a retransmission; the FIN is booked at seq+len', () => {
  const t = file(...NUM, 'a -x b: ACK seq=1 ack=101 len=10', 'a -> b: FIN+ACK seq=1 ack=101 len=20   => a FIN_WAIT_1, b CLOSE_WAIT', 'b -> a: ACK seq=101 ack=22              => a FIN_WAIT_2');
  assert.deepEqual(found(t), ['7 retransmission']);
  assert.equal(finalStates(analyze(t)), 'a=FIN_WAIT_2 b=CLOSE_WAIT');
});

test('a retransmission starts at SND.UNA, at the start of an earlier segment, or at the FIN', () => {
  const sent = [...NUM, 'a -x b: ACK seq=1 ack=101 len=100', 'a -x b: ACK seq=101 ack=101 len=100'];
  assert.deepEqual(found(file(...sent, 'a -> b: ACK seq=1 ack=101 len=200')), ['8 retransmission'], 'at SND.UNA');
  assert.deepEqual(found(file(...sent, 'a -> b: ACK seq=101 ack=101 len=100'), WE), [], 'at an earlier segment\'s first octet');
  assert.deepEqual(found(file(...sent, 'a -> b: ACK seq=101 ack=101 len=100')).sort(), ['8 out-of-order', '8 retransmission']);
});

test('seq=m+1 after 100 octets at m is wrong-seq (starts inside a segment sent earlier), not a retransmission', () => {
  const t = file(...NUM, 'a -> b: ACK seq=1 ack=101 len=100', 'a -> b: ACK seq=2 ack=101 len=100');
  assert.deepEqual(found(t), ['7 wrong-seq']);
  assert.match(only(t, 'wrong-seq')[0].message, /seq should be 101/);
});

test('data starting at the ISN is wrong-seq, not a retransmission: the ISS is no data octet', () => {
  const t = file(...NUM, 'a -> b: ACK seq=0 ack=101 len=100');
  assert.deepEqual(found(t, ['error', 'warning', 'info']).filter((c) => c.startsWith('6')), ['6 wrong-seq']);
  assert.match(only(t, 'wrong-seq')[0].message, /ISN/);
});

test('a new FIN placed inside data already sent is wrong-seq', () => {
  const t = file(...NUM, 'a -> b: ACK seq=1 ack=101 len=100', 'a -> b: FIN+ACK seq=50 ack=101');
  assert.deepEqual(found(t, ['error']), ['7 wrong-seq']);
});

test('a FIN sent again is a retransmission in FIN_WAIT_1, CLOSING and LAST_ACK, also FIN-only while data before it is unacknowledged', () => {
  const fin = [...NUM, 'a -> b: ACK seq=1 ack=101 len=10', 'a -x b: FIN+ACK seq=11 ack=101'];
  assert.deepEqual(found(file(...fin, 'a -> b: FIN+ACK seq=11 ack=101', 'b -> a: ACK seq=101 ack=12')), ['8 retransmission']);
  const t = file(...fin, 'a -> b: FIN+ACK seq=11 ack=101', 'b -> a: ACK seq=101 ack=12', 'a -> b: FIN+ACK seq=11 ack=101');
  assert.ok(found(t, ['error']).includes('10 unexpected-segment'), 'in FIN_WAIT_2 its FIN was already acknowledged');
  const inside = file(...fin, 'a -> b: FIN+ACK seq=5 ack=101 len=6');
  assert.deepEqual(found(inside, ['error']), ['8 wrong-seq'], 'a segment starting inside earlier data and ending with that FIN');
});

test('keep-alive needs an idle ESTABLISHED or CLOSE_WAIT sender without a FIN that acknowledged everything', () => {
  const probe = 'a -> b: ACK seq=0 ack=101';
  assert.deepEqual(found(file(...NUM, probe)).sort(), ['6 duplicate-segment', '6 keep-alive'], 'idle ESTABLISHED: a probe, and a duplicate at the receiver (issue bug 2)');
  const inFlight = file(...NUM, 'a -x b: ACK seq=1 ack=101 len=10', 'a -> b: ACK seq=10 ack=101');
  assert.deepEqual(found(inFlight, ['error']), ['7 wrong-seq'], 'not idle: data in flight');
  const finalAck = file(...NUM, 'a -> b: FIN+ACK seq=1 ack=101', 'b -> a: ACK seq=101 ack=2', 'b -> a: FIN+ACK seq=101 ack=2', 'a -> b: ACK seq=1 ack=102');
  assert.deepEqual(found(finalAck, ['error', 'warning']), ['9 wrong-seq'], 'the final ACK numbered at its own FIN is not a keep-alive');
  const notAcked = file(...NUM, 'b -> a: ACK seq=101 ack=1 len=5', 'a -> b: ACK seq=0 ack=101');
  assert.ok(found(notAcked, ['error']).includes('7 wrong-seq'), 'its last ack did not acknowledge what it received');
});

test('window: data past SND.UNA + SND.WND is window-exceeded; one octet into a zero window is a probe', () => {
  const w = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1 win=100', 'a -> b: ACK seq=1 ack=101'];
  assert.deepEqual(found(file(...w, 'a -> b: ACK seq=1 ack=101 len=100'), WE), []);
  const over = file(...w, 'a -> b: ACK seq=1 ack=101 len=150');
  assert.deepEqual(found(over, WE), ['6 window-exceeded']);
  assert.equal(only(over, 'window-exceeded')[0].params.usable, 100);
  const zero = [...w, 'a -> b: ACK seq=1 ack=101 len=100', 'b -> a: ACK seq=101 ack=101 win=0'];
  assert.deepEqual(found(file(...zero, 'a -> b: ACK seq=101 ack=101 len=1')), ['8 window-probe']);
  assert.deepEqual(found(file(...zero, 'a -> b: ACK seq=101 ack=101 len=2'), WE), ['8 window-exceeded']);
  assert.deepEqual(found(file(...zero, 'a -> b: FIN+ACK seq=101 ack=101'), ['error']), [], 'a FIN does not count against the window');
});

test('window: SND.WND comes from an ack within SND.UNA..SND.NXT, or the peer\'s declaration', () => {
  const decl = ['endpoint a ESTABLISHED snd=1 rcv=1', 'endpoint b ESTABLISHED win=10'];
  assert.deepEqual(found(file(...decl, 'a -> b: ACK seq=1 ack=1 len=11'), WE), ['3 window-exceeded']);
  const stale = ['endpoint a ESTABLISHED snd=1 rcv=1', 'endpoint b ESTABLISHED', 'a -> b: ACK seq=1 ack=1 len=10', 'b -> a: ACK seq=1 ack=11 win=5', 'old b -> a: ACK seq=1 ack=1 win=0'];
  assert.deepEqual(found(file(...stale, 'a -> b: ACK seq=11 ack=1 len=5'), WE), [], 'an old ack below SND.UNA does not set the window');
});

test('window: after a wrong-seq the window is checked at the seq as meant', () => {
  const w = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=0', 'b -> a: SYN+ACK seq=100 ack=1 win=10', 'a -> b: ACK seq=1 ack=101'];
  assert.deepEqual(found(file(...w, 'a -> b: ACK seq=5 ack=101 len=10'), ['error']), ['6 wrong-seq'], 'at seq 1 (as meant) ten octets fit');
});

test('all checks run: an unexpected segment still has its seq and ack checked where the sender has them', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -> b: ACK seq=x ack=5 len=3');
  assert.deepEqual(found(t, ['error']), ['4 unexpected-segment', '4 wrong-seq']);
  const syn = file(...H, 'client -> server: SYN+ACK seq=x+1 ack=y');
  assert.deepEqual(found(syn, ['error']).sort(), ['6 unexpected-segment', '6 wrong-ack']);
});

test('two findings for one slip are avoided: ack-without-flag never beside missing-ack-flag or unexpected-segment', () => {
  assert.deepEqual(found(file(...H, 'client -> server: PSH seq=x+1 ack=y+1 len=1'), WE), ['6 missing-ack-flag']);
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'a -> b: FIN seq=x+1 ack=3')).filter((c) => c.startsWith('4')), ['4 unexpected-segment']);
  assert.deepEqual(found(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x ack=3'), WE).filter((c) => !c.endsWith('unacknowledged')), ['3 ack-without-flag']);
  assert.deepEqual(found(file(...H, 'client -> server: FIN seq=x+1 ack=y+7'), WE), ['6 missing-ack-flag'], 'a wrong ack= without the ACK flag is not a wrong-ack');
});

test('missing-ack-flag is not reported on a SYN', () => {
  assert.ok(!found(file(...H, 'client -> server: SYN seq=x')).includes('6 missing-ack-flag'));
});

test('a RST answering a value no line wrote is not checked', () => {
  const t = file('endpoint a', 'endpoint b', 'a -> b: ACK', 'b -> a: RST seq=77');
  assert.deepEqual(found(t, ['error']), ['3 unexpected-segment']);
  assert.equal(statesAt(analyze(t), 4), 'a=CLOSED b=CLOSED');
});
