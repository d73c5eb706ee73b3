// The conversion's rules on hand-made captures: what was in flight (`~>` + `deliver`), octets the capture
// never saw (`-x`), the capture's own duplicates, retransmissions, a capture that starts at the SYN+ACK,
// the capture side (inferred, and forced with `side`), and the number styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index.ts';
import { chunksOf, importCapture, type ConvertOptions } from '../../src/core/capture/index.ts';
import { frame, ipBytes, pcap, SYN_OPTIONS, type Seg } from './capture-fixtures.ts';

const C = { src: '10.0.0.1', dst: '10.0.0.2', sport: 51234, dport: 80 };
const S = { src: '10.0.0.2', dst: '10.0.0.1', sport: 80, dport: 51234 };
const X = 1000, Y = 5000;
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const TS = (v: number) => [1, 1, 8, 10, 0, 0, 0, v, 0, 0, 0, 0];

/** Segments with capture times in milliseconds. */
async function run(segs: [number, Seg][], options: ConvertOptions = {}) {
  const bytes = pcap(segs.map(([ms, s]) => ({ frame: frame(1, ipBytes(s)), sec: 1767225600 + Math.floor(ms / 1000), frac: Math.round((ms % 1000) * 1000) })));
  const r = await importCapture(chunksOf(bytes), 1, { source: 'test.pcap', ...options });
  const text = r.converted!.text;
  const a = analyze(text);
  return { text, r, final: a.final, problems: a.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.range.start.line + 1}: ${d.code}`), infos: a.diagnostics.filter((d) => d.severity === 'info').map((d) => d.code) };
}

const handshake: [number, Seg][] = [
  [0, { ...C, seq: X, ack: 0, flags: 2, win: 64240, options: SYN_OPTIONS }],
  [50, { ...S, seq: Y, ack: X + 1, flags: 18, win: 65160, options: SYN_OPTIONS }],
  [50.1, { ...C, seq: X + 1, ack: Y + 1, flags: 16, win: 502 }],
];
const close = (c: number, s: number, t = 300): [number, Seg][] => [
  [t, { ...C, seq: X + c, ack: Y + s, flags: 17, win: 502 }],
  [t + 50, { ...S, seq: Y + s, ack: X + c + 1, flags: 17, win: 509 }],
  [t + 50.1, { ...C, seq: X + c + 1, ack: Y + s + 1, flags: 16, win: 502 }],
];

test('crossing segments near the client: the client data still in flight when the server sent is written ~> and delivered when the server acknowledges it', async () => {
  const out = await run([...handshake,
    [60, { ...C, seq: X + 1, ack: Y + 1, flags: 24, win: 502, len: 100 }],
    [70, { ...S, seq: Y + 1, ack: X + 1, flags: 24, win: 509, len: 50 }], // sent before the client's data arrived
    [70.1, { ...C, seq: X + 101, ack: Y + 51, flags: 16, win: 502 }],
    [110, { ...S, seq: Y + 51, ack: X + 101, flags: 16, win: 509 }],
    ...close(101, 51)]);
  assert.match(out.text, /^client ~> server: PSH\+ACK seq=x\+1 ack=y\+1 len=100 win=64256 id=c3 /m);
  assert.match(out.text, /^server -> client: PSH\+ACK seq=y\+1 ack=x\+1 len=50 /m);
  assert.match(out.text, /^deliver c3, c4$/m);
  assert.match(out.text, /^# 2 segments were still in flight/m);
  assert.match(out.text, /^# Captured near the client/m);
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.final, ['TIME_WAIT', 'CLOSED']);
});

test('side=server on the same capture: the client segments cannot be in flight, and the checker shows why that is wrong', async () => {
  const segs: [number, Seg][] = [...handshake,
    [60, { ...C, seq: X + 1, ack: Y + 1, flags: 24, win: 502, len: 100 }],
    [70, { ...S, seq: Y + 1, ack: X + 1, flags: 24, win: 509, len: 50 }],
    [70.1, { ...C, seq: X + 101, ack: Y + 51, flags: 16, win: 502 }],
    [110, { ...S, seq: Y + 51, ack: X + 101, flags: 16, win: 509 }]];
  const out = await run(segs, { side: 'server' });
  assert.doesNotMatch(out.text, /~>/);
  assert.ok(out.problems.some((p) => p.endsWith('wrong-ack')), out.problems.join('\n'));
  assert.doesNotMatch((await run(segs, { side: 'client' })).text.replace(/#.*$/gm, ''), /server ~>/);
});

test('octets the capture never saw are written as a lost segment (-x) before the segment that shows them', async () => {
  const out = await run([...handshake,
    [60, { ...C, seq: X + 101, ack: Y + 1, flags: 24, win: 502, len: 100 }], // x+1..x+101 lost before the capture point
    [61, { ...S, seq: Y + 1, ack: X + 1, flags: 16, win: 509, options: [1, 1, 5, 10, ...be32(X + 101), ...be32(X + 201)] }], // duplicate ACK with a SACK block
    [260, { ...C, seq: X + 1, ack: Y + 1, flags: 24, win: 502, len: 100 }],
    [261, { ...S, seq: Y + 1, ack: X + 201, flags: 16, win: 509 }],
    ...close(201, 1)]);
  assert.match(out.text, /^client -x server: ACK seq=x\+1 ack=y\+1 len=100 win=64256 +# not in the capture: 100 octets/m);
  assert.match(out.text, /^client -> server: PSH\+ACK seq=x\+101 ack=y\+1 len=100 win=64256 +# packet 4 /m, 'delivered at once: the SACK block of the next ACK shows it arrived');
  assert.match(out.text, /^server -> client: ACK seq=y\+1 ack=x\+1 win=65152 +# packet 5 · \+0\.061000 · sack x\+101\.\.x\+201$/m);
  assert.match(out.text, /^client -> server: PSH\+ACK seq=x\+1 ack=y\+1 len=100 win=64256 +# packet 6 · \+0\.260000 · retransmission$/m);
  assert.deepEqual(out.problems, []);
  assert.ok(out.infos.includes('retransmission') && out.infos.includes('out-of-order'), out.infos.join());
});

test('a retransmission (later, new timestamp) is kept and marked; the same packet recorded twice is dropped with a comment', async () => {
  const data = { ...C, seq: X + 1, ack: Y + 1, flags: 24, win: 502, len: 100, options: TS(7), ipId: 42 };
  const out = await run([...handshake,
    [60, data],
    [60.002, data], // the capture saw it twice (same IP id, same timestamp)
    [260, { ...data, options: TS(207), ipId: 43 }], // RTO: sent again
    [261, { ...S, seq: Y + 1, ack: X + 101, flags: 16, win: 509 }],
    ...close(101, 1)]);
  assert.match(out.text, /^# packet 5: the capture recorded packet 4 twice; the copy is dropped$/m);
  assert.match(out.text, /^# 1 packets that the capture recorded twice are dropped/m);
  assert.match(out.text, /# packet 6 · \+0\.260000 · retransmission · TS val 207 ecr 0$/m);
  assert.deepEqual(out.problems, []);
});

test('a capture that starts at the SYN+ACK writes the SYN it acknowledges', async () => {
  const out = await run([...handshake.slice(1), ...close(1, 1)]);
  assert.match(out.text, /^client -> server: SYN seq=x +# not in the capture: the SYN that the SYN\+ACK acknowledges$/m);
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.final, ['TIME_WAIT', 'CLOSED']);
});

test('a capture without a handshake: ESTABLISHED with snd/rcv; relative numbers count from 1, absolute are as captured', async () => {
  const segs: [number, Seg][] = [
    [0, { ...C, seq: X + 1, ack: Y + 1, flags: 24, win: 502, len: 10 }],
    [1, { ...S, seq: Y + 1, ack: X + 11, flags: 16, win: 509 }],
    ...close(11, 1, 10)];
  const sym = await run(segs);
  assert.match(sym.text, /^endpoint client ESTABLISHED snd=u rcv=v as "10\.0\.0\.1:51234"$/m);
  assert.match(sym.text, /^# Captured near the client/m, 'the client answers the FIN at once, the server after 50 ms');
  assert.deepEqual(sym.problems, []);
  const rel = await run(segs, { numbers: 'relative' });
  assert.match(rel.text, /^endpoint client ESTABLISHED snd=1 rcv=1 /m);
  assert.match(rel.text, /^server -> client: ACK seq=1 ack=11 +#/m);
  assert.deepEqual(rel.problems, []);
  const abs = await run(segs, { numbers: 'absolute' });
  assert.match(abs.text, /^endpoint client ESTABLISHED snd=1001 rcv=5001 /m);
  assert.deepEqual(abs.problems, []);
});

test('a capture that starts while octets are unacknowledged writes them as sent before it; the check stays clean', async () => {
  const out = await run([
    [0, { ...S, seq: Y + 1, ack: X + 1, flags: 16, win: 509 }], // the server has not got x+1..x+101 yet
    [1, { ...C, seq: X + 101, ack: Y + 1, flags: 24, win: 502, len: 50 }],
    [2, { ...S, seq: Y + 1, ack: X + 151, flags: 16, win: 509 }],
    ...close(151, 1, 10)]);
  assert.match(out.text, /^endpoint client ESTABLISHED snd=u rcv=v /m);
  assert.match(out.text, /^client (->|~>) server: ACK seq=u ack=v len=100( id=c1)? +# not in the capture: 100 octets sent before it started/m);
  assert.match(out.text, /^client (->|~>) server: PSH\+ACK seq=u\+100 ack=v len=50/m);
  assert.deepEqual(out.problems, [], out.text);
  assert.deepEqual(out.final, ['TIME_WAIT', 'CLOSED']);
});

test('capture side inferred from the answer times (handshake, data, FIN): the end that answers fastest is near the capture', async () => {
  const [fin, finAck, last] = close(1, 1);
  const nearServer: [number, Seg][] = [[0, handshake[0][1]], [0.05, handshake[1][1]], [40, handshake[2][1]], [300, fin[1]], [300.05, finAck[1]], [340, last[1]]];
  assert.match((await run(nearServer)).text, /^# Captured near the server/m);
  assert.match((await run([...handshake, ...close(1, 1)])).text, /^# Captured near the client/m);
  const even: [number, Seg][] = [[0, handshake[0][1]], [10, handshake[1][1]], [20, handshake[2][1]], ...close(1, 1).map(([ms, seg], i): [number, Seg] => [300 + i * 10, seg])];
  assert.match((await run(even)).text, /^# Capture point unknown/m);
});

test('win= is the window field scaled by the sender’s shift when both SYNs carry window scale, else the field', async () => {
  const scaled = await run([...handshake, ...close(1, 1)]);
  assert.match(scaled.text, /^client -> server: ACK seq=x\+1 ack=y\+1 win=64256 /m, '502 << 7');
  const plain = await run([...handshake.map(([ms, s]): [number, Seg] => [ms, { ...s, options: [] }]), ...close(1, 1)]);
  assert.match(plain.text, /^client -> server: ACK seq=x\+1 ack=y\+1 win=502 /m);
  assert.match(plain.text, /^# No window scaling was negotiated/m);
});
