// The capture readers: every container, byte order, time resolution and link type, IPv6 extension
// headers, TCP options, and bad input (truncated, corrupt, not a capture, unknown link type, cut headers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunksOf, readPackets, describeProblem, type TcpPacket } from '../../src/core/capture/index.ts';
import { conversation, frame, ipBytes, ODD_DIR, oddFixtures, pcap, pcapng, records, SYN_OPTIONS } from './capture-fixtures.ts';

async function read(bytes: Uint8Array, chunk = 1 << 20) {
  const packets: TcpPacket[] = [];
  const r = await readPackets(chunksOf(bytes, chunk), (p) => packets.push(p));
  return { ...r, packets };
}

const brief = (p: TcpPacket) => `${p.src}.${p.sport}>${p.dst}.${p.dport} ${p.flags} ${p.seq} ${p.ack} ${p.window} ${p.length}`;
const V4 = conversation('10.0.0.1', '10.0.0.2').map((s) => `${s.src}.${s.sport}>${s.dst}.${s.dport} ${s.flags} ${s.seq} ${s.ack} ${s.win} ${s.len ?? 0}`);

test('the committed odd-format files are what capture-fixtures.ts makes (regenerate with --write)', () => {
  for (const [name, bytes] of Object.entries(oddFixtures())) assert.deepEqual(new Uint8Array(readFileSync(join(ODD_DIR, name))), bytes, name);
});

for (const name of ['big-endian.pcap', 'nanosecond-le.pcap', 'vlan.pcap', 'sll2.pcap', 'null-loopback.pcap', 'raw-ip.pcap', 'two-interfaces-be.pcapng']) {
  test(`${name}: every segment, in order, with its fields`, async () => {
    const r = await read(readFileSync(join(ODD_DIR, name)));
    assert.equal(r.error, undefined);
    assert.deepEqual(r.packets.map(brief), V4);
    assert.equal(r.stats.tcp, 8);
  });
}

test('IPv6 with hop-by-hop, routing and destination-options headers before TCP', async () => {
  const r = await read(readFileSync(join(ODD_DIR, 'ipv6-ext.pcap')));
  assert.equal(r.error, undefined);
  assert.equal(r.packets.length, 8);
  assert.equal(r.packets[0].src, '2001:db8::1');
  assert.equal(r.packets[0].ipVersion, 6);
  assert.equal(r.packets[3].length, 100, 'payload length is the IPv6 payload minus the extension headers and the TCP header');
});

test('IPv6 fragment header: the first fragment is read, a later fragment is not TCP', async () => {
  const seg = { src: 'fe80::1', dst: 'fe80::2', sport: 1, dport: 2, seq: 1, ack: 0, flags: 2, win: 10, ext: [44] };
  const later = ipBytes(seg); later[40 + 3] = 0x08; // fragment offset 1 (x 8 octets)
  const r = await read(pcap([{ frame: ipBytes(seg), sec: 0, frac: 0 }, { frame: later, sec: 0, frac: 0 }], { linkType: 101 }));
  assert.equal(r.packets.length, 1);
  assert.equal(r.stats.notTcp, 1);
});

test('times: microseconds, nanoseconds, pcapng if_tsresol 10^-9 on one interface and the default on another', async () => {
  const us = await read(readFileSync(join(ODD_DIR, 'big-endian.pcap')));
  assert.deepEqual([us.packets[1].sec, us.packets[1].nsec, us.packets[1].precision], [1767225600, 1_007_000, 6]);
  const ns = await read(readFileSync(join(ODD_DIR, 'nanosecond-le.pcap')));
  assert.deepEqual([ns.packets[1].sec, ns.packets[1].nsec, ns.packets[1].precision], [1767225600, 1_007_000, 9]);
  const ng = await read(readFileSync(join(ODD_DIR, 'two-interfaces-be.pcapng')));
  assert.deepEqual(ng.packets.map((p) => [p.sec, p.nsec]), V4.map((_, i) => [1767225600, i * 1_000_000 + (i % 2 ? 7_000 : 7_000)]));
  assert.deepEqual(ng.packets.map((p) => p.precision), V4.map((_, i) => (i % 2 ? 9 : 6)));
});

test('TCP options: MSS, window scale, SACK-permitted, timestamps, SACK blocks', async () => {
  const sack = [1, 1, 5, 18, 0, 0, 0, 100, 0, 0, 0, 200, 0, 0, 1, 0x2c, 0, 0, 1, 0x90];
  const segs = [
    { src: '1.1.1.1', dst: '2.2.2.2', sport: 5, dport: 6, seq: 7, ack: 0, flags: 2, win: 100, options: SYN_OPTIONS },
    { src: '2.2.2.2', dst: '1.1.1.1', sport: 6, dport: 5, seq: 9, ack: 8, flags: 16, win: 100, options: sack },
  ];
  const r = await read(pcap(records(segs, 1)));
  assert.deepEqual(r.packets[0].options, { mss: 1460, sackPermitted: true, tsVal: 1, tsEcr: 0, wscale: 7 });
  assert.deepEqual(r.packets[1].options.sack, [[100, 200], [300, 400]]);
});

test('pcapng: both byte orders in one file (two sections), simple packet blocks, statistics blocks skipped', async () => {
  const segs = conversation('10.0.0.1', '10.0.0.2');
  const bytes = pcapng([
    { le: true, interfaces: [{ linkType: 101 }], packets: segs.slice(0, 4).map((s, i) => ({ iface: 0, frame: ipBytes(s), units: BigInt(i) })) },
    { le: false, interfaces: [{ linkType: 1, snaplen: 65535 }], packets: segs.slice(4).map((s) => ({ iface: 0, frame: frame(1, ipBytes(s)), units: 0n, simple: true })) },
  ]);
  const r = await read(bytes);
  assert.equal(r.error, undefined);
  assert.deepEqual(r.packets.map(brief), V4);
  assert.ok(Number.isNaN(r.packets[7].sec), 'a simple packet block has no time');
});

test('the result does not depend on how the bytes are cut into chunks (1, 7, 4096 octets)', async () => {
  for (const name of ['two-interfaces-be.pcapng', 'vlan.pcap']) {
    const bytes = readFileSync(join(ODD_DIR, name));
    const whole = await read(bytes);
    for (const size of [1, 7, 4096]) assert.deepEqual((await read(bytes, size)).packets, whole.packets, `${name} in chunks of ${size}`);
  }
});

test('a truncated file: the packets before the cut are kept and the error names the packet and its byte offset', async () => {
  const r = await read(readFileSync(join(ODD_DIR, 'truncated.pcap')));
  assert.equal(r.packets.length, 7);
  assert.equal(r.error?.text.id, 'capture.error.truncated');
  assert.equal(r.error?.packet, 8);
  const recs = records(conversation('10.0.0.1', '10.0.0.2'), 1);
  assert.equal(r.error?.offset, 24 + recs.slice(0, 7).reduce((n, x) => n + 16 + x.frame.length, 0), 'the offset of the 8th record');
  assert.match(describeProblem(r.error!, r.stats.format, 'en'), /^packet 8 \(byte \d+\): the file ends inside a packet record/);
  assert.match(describeProblem(r.error!, r.stats.format, 'zh-cn'), /^第 8 个分组（第 \d+ 字节）：文件在分组记录中间结束/);
});

test('not a capture, an empty file, an unknown link type, an impossible record length', async () => {
  assert.equal((await read(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).error?.text.id, 'capture.error.notCapture');
  assert.equal((await read(new Uint8Array(0))).error?.text.id, 'capture.error.empty');
  const unknown = await read(pcap(records(conversation('1.1.1.1', '2.2.2.2'), 1), { linkType: 147 }));
  assert.deepEqual([unknown.error?.text.id, unknown.error?.text.params?.linkType, unknown.error?.offset], ['capture.error.linkType', 147, 20]);
  const bad = pcap(records(conversation('1.1.1.1', '2.2.2.2'), 1));
  const view = new DataView(bad.buffer);
  const second = 24 + 16 + records(conversation('1.1.1.1', '2.2.2.2'), 1)[0].frame.length;
  view.setUint32(second + 8, 0x7fffffff, true);
  const r = await read(bad);
  assert.deepEqual([r.packets.length, r.error?.text.id, r.error?.packet, r.error?.offset], [1, 'capture.error.recordTooLong', 2, second]);
});

test('pcapng: an unknown link type skips that interface with a warning; a packet of an undescribed interface is an error', async () => {
  const segs = conversation('10.0.0.1', '10.0.0.2');
  const r = await read(pcapng([{ interfaces: [{ linkType: 147 }, { linkType: 101 }], packets: segs.map((s, i) => ({ iface: i % 2, frame: ipBytes(s), units: 0n })) }]));
  assert.equal(r.error, undefined);
  assert.equal(r.packets.length, 4);
  assert.equal(r.stats.unknownLink, 4);
  assert.equal(r.stats.warnings[0].text.id, 'capture.warn.linkType');
  const bad = await read(pcapng([{ interfaces: [{ linkType: 101 }], packets: [{ iface: 3, frame: ipBytes(segs[0]), units: 0n }] }]));
  assert.deepEqual([bad.error?.text.id, bad.error?.packet], ['capture.error.noInterface', 1]);
});

test('a snapshot length that cut the TCP header: the packet is skipped, counted and warned about with its number', async () => {
  const segs = conversation('10.0.0.1', '10.0.0.2');
  const recs = records(segs, 1);
  recs[2] = { ...recs[2], frame: recs[2].frame.slice(0, 14 + 20 + 12), orig: recs[2].frame.length };
  const r = await read(pcap(recs, { snaplen: 46 }));
  assert.equal(r.packets.length, 7);
  assert.equal(r.stats.cut, 1);
  assert.deepEqual([r.stats.warnings[0].text.id, r.stats.warnings[0].packet], ['capture.warn.cut', 3]);
});

test('a payload cut by the snapshot length still counts its full length (from the IP header)', async () => {
  const r = await read(readFileSync(join(import.meta.dirname, '../fixtures/captures/bulk.pcap')));
  assert.equal(r.error, undefined);
  assert.equal(r.packets[3].length, 16384);
});

test('non-TCP packets are counted, not returned', async () => {
  const udp = ipBytes({ src: '1.1.1.1', dst: '2.2.2.2', sport: 1, dport: 2, seq: 0, ack: 0, flags: 0, win: 0 });
  udp[9] = 17;
  const arp = [...Array(12).fill(0), 0x08, 0x06, ...Array(28).fill(0)];
  const r = await read(pcap([{ frame: frame(1, udp), sec: 0, frac: 0 }, { frame: arp, sec: 0, frac: 0 }]));
  assert.deepEqual([r.packets.length, r.stats.notTcp, r.stats.packets], [0, 2, 2]);
});
