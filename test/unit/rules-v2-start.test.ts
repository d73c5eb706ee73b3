// Contract v2: connections that already exist (2.2), old duplicates (2.3), crash (2.5), bracketed flags
// (2.3) and full-width punctuation (1), as the validator sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { file, found, only, statesAt, finalStates } from './helpers.ts';

const WE = ['error', 'warning'];

test('ESTABLISHED with snd/rcv: the numbers mirror; a value given on one side is taken for the other', () => {
  const t = file('endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=42 ack=79 data="C"', 'B -> A: ACK seq=79 ack=43 data="C"', 'A -> B: ACK seq=43 ack=80');
  assert.deepEqual(found(t, WE), []);
  const a = analyze(t);
  assert.equal(a.steps[0].tcbs[1].rcvNxt?.off, 43);
  assert.deepEqual(found(file('endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=42 ack=80'), ['error']), ['3 wrong-ack']);
});

test('ESTABLISHED numbers that do not mirror are invalid-initial-state on the second declaration', () => {
  const t = file('endpoint A ESTABLISHED snd=42 rcv=79', 'endpoint B ESTABLISHED snd=80 rcv=42');
  assert.deepEqual(found(t, WE), ['2 invalid-initial-state']);
  assert.deepEqual(found(file('endpoint A ESTABLISHED snd=x', 'endpoint B ESTABLISHED rcv=x'), WE), []);
});

test('one side ESTABLISHED and the other not is invalid-initial-state on the second; each keeps its declared state', () => {
  const t = file('endpoint A ESTABLISHED', 'endpoint B LISTEN');
  assert.deepEqual(found(t, WE), ['2 invalid-initial-state']);
  assert.equal(finalStates(analyze(t)), 'A=ESTABLISHED B=LISTEN');
});

test('a value given on neither side is taken from the first segment that writes it; a symbol there names it', () => {
  const t = file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=u ack=v len=10', 'B -> A: ACK seq=v ack=u+10', 'A -> B: ACK seq=u+10 ack=v');
  assert.deepEqual(found(t, WE), []);
  assert.deepEqual(found(file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=u ack=v len=10', 'B -> A: ACK seq=v ack=u+9'), ['error']), ['4 wrong-ack']);
  const rst = file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'A -> B: RST seq=500', 'expect B CLOSED');
  assert.deepEqual(found(rst, WE), [], 'a RST\'s seq counts');
  const old = file('endpoint A ESTABLISHED', 'endpoint B ESTABLISHED', 'old A -> B: ACK seq=7 ack=9', 'A -> B: ACK seq=100 ack=200');
  assert.deepEqual(found(old, WE), [], 'an old segment\'s does not');
});

test('ESTABLISHED: ISS and IRS unknown, so no SYN is ever unacknowledged; a SYN arriving is a challenge ACK', () => {
  const t = file('endpoint A ESTABLISHED snd=1 rcv=1', 'endpoint B ESTABLISHED', 'old A -> B: SYN seq=900');
  assert.deepEqual(found(t), ['3 challenge-ack']);
});

test('ESTABLISHED: win= on the declaration is the window the peer may fill', () => {
  const t = file('endpoint A ESTABLISHED snd=1 rcv=1 win=0', 'endpoint B ESTABLISHED', 'B -> A: ACK seq=1 ack=1 len=1');
  assert.deepEqual(found(t), ['3 window-probe']);
});

test('an ESTABLISHED endpoint that has sent nothing: its declaration counts as having acknowledged all (keep-alive)', () => {
  const t = file('endpoint A ESTABLISHED snd=100 rcv=500', 'endpoint B ESTABLISHED', 'A -> B: ACK seq=99 ack=500');
  assert.deepEqual(found(t).sort(), ['3 duplicate-segment', '3 keep-alive']);
});

test('old: no send-side checks and nothing changes at its sender; received at the destination like any segment (RFC 9293 figure 8)', () => {
  const t = file('endpoint TCP_A', 'endpoint TCP_B LISTEN', 'old TCP_A -> TCP_B: SYN seq=90', 'TCP_B -> TCP_A: SYN+ACK seq=300 ack=91', 'TCP_A -> TCP_B: RST seq=91');
  const a = analyze(t);
  assert.equal(statesAt(a, 3), 'TCP_A=CLOSED TCP_B=SYN_RECEIVED', 'nothing changes at the old segment\'s sender');
  assert.equal(statesAt(a, 5), 'TCP_A=CLOSED TCP_B=LISTEN', 'the RST returns TCP_B to LISTEN');
  assert.deepEqual(found(t, WE), []);
});

test('crash: any state but CLOSED -> CLOSED, the TCB forgotten (nothing it received is unacknowledged); in CLOSED it is invalid-action', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'b crash', 'b reboot');
  const an = analyze(t);
  assert.equal(statesAt(an, 4), 'a=SYN_SENT b=CLOSED');
  assert.deepEqual(found(t, WE), ['5 invalid-action']);
  assert.match(only(t, 'invalid-action')[0].message, /already CLOSED/);
});

test('half-open after a crash (RFC 9293 figure 9): the rebooted side answers with RST', () => {
  const t = file('endpoint A ESTABLISHED snd=300 rcv=100', 'endpoint B ESTABLISHED', 'A crash', 'A -> B: SYN seq=400', 'B -> A: ACK seq=100 ack=300', 'A -> B: RST seq=300', 'expect A SYN_SENT, B CLOSED');
  assert.deepEqual(found(t, WE), []);
  assert.deepEqual(found(t).sort(), ['4 challenge-ack']);
});

test('bracketed tcpdump flags read as their short form', () => {
  const t = file('endpoint c', 'endpoint s LISTEN', 'c -> s: [S] seq=x', 's -> c: [S.] seq=y ack=x+1', 'c -> s: [.] seq=x+1 ack=y+1', 'c -> s: [F.] seq=x+1 ack=y+1 => s CLOSE_WAIT');
  assert.deepEqual(found(t, ['error']), []);
});

test('full-width punctuation typed with a Chinese input method reads as ASCII', () => {
  const t = 'endpoint 客户 \n'.replace('客户 ', 'c') + file('endpoint s LISTEN', 'c -> s： SYN seq＝x', 's -> c： SYN，ACK seq＝y ack＝x＋1', 'c -> s： ACK seq＝x＋1 ack＝y＋1  ＃ 第三次握手');
  assert.deepEqual(found(t, ['error', 'warning']), []);
  assert.equal(finalStates(analyze(t)), 'c=ESTABLISHED s=ESTABLISHED');
});
