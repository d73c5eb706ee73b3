// Contract 4.2 and 4.3: receiving, the end-of-file checks, and where findings go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { file, found, HANDSHAKE as H, only, statesAt } from './helpers.ts';

const EST = file(...H);
const WE = ['error', 'warning'];

test('CLOSED answers a non-RST segment with RST: rst-expected when the next segment is not that RST', () => {
  const base = ['endpoint a', 'endpoint b', 'a -> b: SYN seq=1'];
  assert.deepEqual(found(file(...base), WE), ['3 rst-expected']);
  assert.deepEqual(found(file(...base, 'b -> a: RST+ACK seq=0 ack=2'), WE), []);
  assert.deepEqual(found(file(...base, 'b listen', 'a -> b: SYN seq=1', 'b -> a: SYN+ACK seq=9 ack=2'), WE).sort(), ['6 unacknowledged', '3 rst-expected'].sort());
  assert.deepEqual(found(file('endpoint a', 'endpoint b', 'a -> b: RST seq=1'), WE), [], 'a RST reaching CLOSED is dropped silently');
});

test('LISTEN: RST ignored silently, ACK gets a RST, SYN -> SYN_RECEIVED, anything else ignored', () => {
  const L = ['endpoint a', 'endpoint b LISTEN'];
  assert.deepEqual(found(file(...L, 'a -> b: RST seq=5')), []);
  assert.deepEqual(found(file(...L, 'old a -> b: ACK seq=2 ack=0'), WE), ['3 rst-expected']);
  assert.deepEqual(found(file(...L, 'a -x b: SYN seq=1', 'a -> b: ACK seq=2 ack=0'), WE), ['4 unexpected-segment'], 'after a send-side error no receive-side warning (4.4)');
  const syn = analyze(file(...L, 'a -> b: SYN seq=x', 'b -> a: SYN+ACK seq=y ack=x+1'));
  assert.equal(statesAt(syn, 3), 'a=SYN_SENT b=SYN_RECEIVED');
  assert.equal(syn.steps[0].tcbs[1].rcvNxt?.off, 1, 'RCV.NXT = IRS+1');
  assert.deepEqual(found(file('a -> b: SYN seq=1', 'a listen'), ['error']), ['2 invalid-action']);
});

test('LISTEN drops a segment that is neither SYN, ACK nor RST', () => {
  const t = file('endpoint a', 'endpoint b LISTEN', 'old a -> b: FIN seq=5');
  assert.deepEqual(found(t, ['warning']), ['3 ignored-segment']);
  assert.deepEqual(found(t.replace('old ', ''), ['error', 'warning']), ['3 unexpected-segment'], 'sent for real, the sender\'s error is the one finding');
  assert.equal(statesAt(analyze(t), 3), 'a=CLOSED b=LISTEN');
});

test('SYN_SENT: an unacceptable ACK gets a RST (or is ignored when it is a RST)', () => {
  const S = ['endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x'];
  assert.ok(found(file(...S, 'old b -> a: SYN+ACK seq=y ack=x+5'), WE).includes('4 rst-expected'));
  assert.ok(found(file(...S, 'old b -> a: RST+ACK seq=0 ack=x+5'), WE).includes('4 ignored-segment'));
});

test('SYN_SENT: RST with an acceptable ACK refuses the connection; a RST without ACK is ignored', () => {
  const S = ['endpoint a', 'endpoint b', 'a -> b: SYN seq=x'];
  assert.equal(statesAt(analyze(file(...S, 'b -> a: RST+ACK seq=0 ack=x+1')), 4), 'a=CLOSED b=CLOSED');
  const noAck = file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x', 'b -> a: SYN+ACK seq=y ack=x+1'.replace('SYN+ACK seq=y ack=x+1', 'RST seq=0'));
  assert.ok(found(noAck, WE).includes('4 ignored-segment'));
  assert.equal(statesAt(analyze(noAck), 4).split(' ')[0], 'a=SYN_SENT');
});

test('SYN_SENT: SYN+ACK -> ESTABLISHED; SYN alone -> SYN_RECEIVED (simultaneous open); else ignored', () => {
  assert.equal(statesAt(analyze(EST), 4), 'client=ESTABLISHED server=SYN_RECEIVED');
  const simul = analyze(file('a ~> b: SYN seq=x id=1', 'b ~> a: SYN seq=y id=2', 'deliver 1, 2', 'a ~> b: SYN+ACK seq=x ack=y+1 id=3', 'b ~> a: SYN+ACK seq=y ack=x+1 id=4', 'deliver 3, 4'));
  assert.equal(statesAt(simul, 3), 'a=SYN_RECEIVED b=SYN_RECEIVED');
  assert.equal(statesAt(simul, 6), 'a=ESTABLISHED b=ESTABLISHED');
  const sequential = analyze(file('a ~> b: SYN seq=x id=1', 'b ~> a: SYN seq=y id=2', 'deliver 1, 2', 'a -> b: SYN+ACK seq=x ack=y+1 => b ESTABLISHED', 'b -> a: ACK seq=y+1 ack=x+1 => a ESTABLISHED'));
  assert.deepEqual(sequential.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.deepEqual(simul.diagnostics.filter((d) => d.severity !== 'info'), []);
  assert.deepEqual(simul.diagnostics.filter((d) => d.code === 'duplicate-segment').map((d) => d.range.start.line + 1), [6, 6], 'each SYN+ACK repeats a SYN already received (RFC 9293 figure 7)');
});

test('synchronized: a segment entirely below RCV.NXT is a duplicate, its ACK still processed', () => {
  const t = EST + 'client -> server: ACK seq=x+1 ack=y+1 len=10\nclient -> server: ACK seq=x+1 ack=y+1 len=10\n';
  assert.ok(found(t).includes('7 duplicate-segment'));
  assert.equal(analyze(t).steps[4].tcbs[1].rcvNxt?.off, 11, 'nothing counted twice');
});

test('synchronized: out-of-order octets are queued and counted once the gap fills (cumulative ACK)', () => {
  const t = EST + [
    'client -x server: ACK seq=x+1 ack=y+1 len=100',
    'client -> server: ACK seq=x+101 ack=y+1 len=100',
    'server -> client: ACK seq=y+1 ack=x+1',
    'client -> server: ACK seq=x+1 ack=y+1 len=100',
    'server -> client: ACK seq=y+1 ack=x+201',
  ].join('\n') + '\n';
  const a = analyze(t);
  assert.deepEqual(a.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message), []);
  assert.ok(found(t).includes('7 out-of-order'));
  assert.ok(found(t).includes('9 retransmission'));
  assert.equal(a.steps[a.stepAtLine[8]].tcbs[1].rcvNxt?.off, 201);
});

test('synchronized: a segment starting below RCV.NXT and ending above is trimmed to its new octets', () => {
  const t = EST + 'client -> server: ACK seq=x+1 ack=y+1 len=10\nold client -> server: ACK seq=x+6 ack=y+1 len=10\n';
  const a = analyze(t);
  assert.equal(a.steps[a.stepAtLine[6]].tcbs[1].rcvNxt?.off, 16);
});

test('synchronized: RST accepted only at RCV.NXT; back to LISTEN from a SYN_RECEIVED that came from LISTEN', () => {
  assert.equal(statesAt(analyze(EST + 'client -> server: RST seq=x+1\n'), 6), 'client=CLOSED server=CLOSED');
  assert.ok(found(EST + 'client -x server: RST seq=x+1\nclient -> server: RST seq=x+2\n'.replace('client -x server: RST seq=x+1\n', ''), WE).includes('6 wrong-seq'));
  const inWindow = EST + 'client -> server: ACK seq=x+1 ack=y+1 len=5\nserver -> client: RST seq=y+1\n'.replace('server -> client: RST seq=y+1', 'server -> client: ACK seq=y+1 ack=x+6');
  assert.deepEqual(found(inWindow, WE), []);
  const back = analyze(file(...H.slice(0, 4), 'client -> server: RST seq=x+1'));
  assert.equal(statesAt(back, 5), 'client=CLOSED server=LISTEN');
});

test('synchronized: a RST with another seq is ignored (RFC 5961)', () => {
  const t = file(...H.slice(0, 2), 'client -> server: SYN seq=x', 'server -> client: SYN+ACK seq=y ack=x+1', 'client -> server: ACK seq=x+1 ack=y+1', 'server -x client: ACK seq=y+1 ack=x+1 len=3', 'server -> client: RST seq=y+4 => client ESTABLISHED');
  assert.ok(found(t, WE).includes('7 ignored-segment'));
});

test('synchronized: ack beyond SND.NXT is wrong-ack at the receiver', () => {
  const d = only(file(...H.slice(0, 3), 'server -> client: SYN+ACK seq=y ack=x+1', 'client ~> server: ACK seq=x+1 ack=y+9 id=a1', 'deliver a1'), 'wrong-ack');
  assert.equal(d.length, 1, 'one segment gets at most one diagnostic of each code');
  assert.equal(d[0].range.start.line + 1, 5, 'send-side finding on the segment line');
});

test('synchronized: FIN_WAIT_1 -> FIN_WAIT_2 -> TIME_WAIT; CLOSE_WAIT -> LAST_ACK -> CLOSED', () => {
  const a = analyze(EST + [
    'client -> server: FIN+ACK seq=x+1 ack=y+1',
    'server -> client: ACK seq=y+1 ack=x+2',
    'server -> client: FIN+ACK seq=y+1 ack=x+2',
    'client -> server: ACK seq=x+2 ack=y+2',
  ].join('\n') + '\n');
  assert.deepEqual(a.steps.slice(3).map((s) => s.states.join('/')), ['FIN_WAIT_1/CLOSE_WAIT', 'FIN_WAIT_2/CLOSE_WAIT', 'TIME_WAIT/LAST_ACK', 'TIME_WAIT/CLOSED']);
  assert.deepEqual(a.diagnostics, []);
});

test('FIN+ACK in FIN_WAIT_1 goes straight to TIME_WAIT; a FIN without the ACK of ours goes to CLOSING', () => {
  const threeWay = analyze(EST + 'client -> server: FIN+ACK seq=x+1 ack=y+1\nserver -> client: FIN+ACK seq=y+1 ack=x+2 => client TIME_WAIT, server LAST_ACK\n');
  assert.deepEqual(threeWay.diagnostics.filter((d) => d.severity === 'error'), []);
  const closing = analyze(EST + 'client ~> server: FIN+ACK seq=x+1 ack=y+1 id=f1\nserver -> client: FIN+ACK seq=y+1 ack=x+1 => client CLOSING\ndeliver f1 => server CLOSING\n');
  assert.deepEqual(closing.diagnostics.filter((d) => d.severity === 'error'), []);
});

test('a repeated FIN changes nothing and is acknowledged again (last ACK lost)', () => {
  const t = EST + [
    'client -> server: FIN+ACK seq=x+1 ack=y+1', 'server -> client: FIN+ACK seq=y+1 ack=x+2',
    'client -x server: ACK seq=x+2 ack=y+2', 'server -> client: FIN+ACK seq=y+1 ack=x+2 => client TIME_WAIT',
    'client -> server: ACK seq=x+2 ack=y+2 => server CLOSED',
  ].join('\n') + '\n';
  assert.deepEqual(found(t).sort(), ['9 duplicate-segment', '9 retransmission']);
});

test('end of file: a SYN or FIN never acknowledged is unacknowledged, unless a RST closed that side', () => {
  assert.deepEqual(found(EST + 'client -> server: FIN+ACK seq=x+1 ack=y+1\n', WE), ['6 unacknowledged']);
  assert.deepEqual(found(EST + 'client -> server: FIN+ACK seq=x+1 ack=y+1\nserver -> client: RST seq=y+1\n', WE), []);
  const synOnly = found(file('endpoint a', 'endpoint b LISTEN', 'a -> b: SYN seq=x'), WE);
  assert.deepEqual(synOnly, ['3 unacknowledged']);
});

test('end of file: an in-flight segment never delivered is undelivered, on its ~> line', () => {
  assert.deepEqual(found(file('a ~> b: SYN seq=1 id=s', 'note: nothing else'), WE), ['1 undelivered']);
});

test('4.3: receive-side findings of a ~> segment go on the deliver line', () => {
  const a = analyze(file('endpoint a', 'endpoint b', 'a ~> b: SYN seq=1 id=s1', 'note: later', 'deliver s1'));
  const d = a.diagnostics.find((x) => x.code === 'rst-expected');
  assert.equal(d?.range.start.line, 4);
  assert.equal(d?.range.start.character, 8, 'on the id that was delivered');
  assert.equal(a.segments[0].deliveredLine, 4);
});

test('deliver of an id not in flight is unknown-id; ids delivered twice too', () => {
  assert.deepEqual(found(file('a ~> b: SYN seq=1 id=s', 'deliver s', 'deliver s', 'b -> a: SYN+ACK seq=5 ack=2'), ['error']), ['3 unknown-id']);
  assert.deepEqual(found(file('a -> b: SYN seq=1 id=s', 'deliver s'), ['error']), ['2 unknown-id']);
});
