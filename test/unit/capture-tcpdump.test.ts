// tcpdump -n text: every timestamp style, -v and -e layouts, relative and absolute numbers, options, SACK
// blocks, lines that are not TCP, and text pasted with a shell prompt around it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chunksOf, importCapture, readPackets, type TcpPacket } from '../../src/core/capture/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/captures');
const enc = (s: string) => new TextEncoder().encode(s);

async function packetsOf(text: string) {
  const packets: TcpPacket[] = [];
  const r = await readPackets(chunksOf(enc(text), 5), (p) => packets.push(p));
  return { ...r, packets };
}
async function converted(bytes: Uint8Array) {
  return (await importCapture(chunksOf(bytes), 1, { source: 'same' })).converted!.text;
}

test('every tcpdump layout of basic.pcap (-t, -tt, -tttt, -v, -e, default) converts to the same file as the capture', async () => {
  const fromPcap = await converted(readFileSync(join(DIR, 'basic.pcap')));
  for (const name of ['basic.txt', 'basic.S.txt', 'basic.tt.txt', 'basic.tttt.txt', 'basic.v.txt', 'basic.e.txt']) {
    assert.equal(await converted(readFileSync(join(DIR, name))), fromPcap, name);
  }
  const noTimes = await converted(readFileSync(join(DIR, 'basic.t.txt')));
  assert.equal(noTimes, fromPcap.replace(/ · \+\d+\.\d+/g, ''), '-t: the same without times');
});

test('times: time of day, epoch seconds, date and time; digits kept', async () => {
  const line = 'IP 10.0.0.1.5 > 10.0.0.2.80: Flags [S], seq 7, win 100, length 0';
  assert.deepEqual((await packetsOf(`17:55:31.378542 ${line}\n`)).packets.map((p) => [p.sec, p.nsec, p.precision]), [[17 * 3600 + 55 * 60 + 31, 378542000, 6]]);
  assert.deepEqual((await packetsOf(`1795974931.378542123 ${line}\n`)).packets.map((p) => [p.sec, p.nsec, p.precision]), [[1795974931, 378542123, 9]]);
  assert.deepEqual((await packetsOf(`2026-11-29 17:55:31.000001 ${line}\n`)).packets.map((p) => [p.sec, p.nsec]), [[Date.UTC(2026, 10, 29, 17, 55, 31) / 1000, 1000]]);
  assert.ok(Number.isNaN((await packetsOf(`${line}\n`)).packets[0].sec));
});

test('fields: flags, seq range, ack, win, urg, options, length; IPv6 addresses and `-i any` prefixes', async () => {
  const { packets } = await packetsOf([
    '10:00:00.000000 lo    In  IP6 2001:db8::1.443 > 2001:db8::2.51000: Flags [S.E], seq 100, ack 201, win 65535, options [mss 1440,sackOK,TS val 5 ecr 6,nop,wscale 9], length 0',
    '10:00:00.000100 eth0  Out IP6 2001:db8::2.51000 > 2001:db8::1.443: Flags [P.W], seq 1:11, ack 1, win 502, urg 3, length 10',
  ].join('\n'));
  assert.deepEqual(packets.map((p) => [p.src, p.sport, p.dst, p.dport, p.flags, p.seq, p.ack, p.window, p.length, p.ipVersion]), [
    ['2001:db8::1', 443, '2001:db8::2', 51000, 2 | 16 | 64, 100, 201, 65535, 0, 6],
    ['2001:db8::2', 51000, '2001:db8::1', 443, 8 | 16 | 128, 201, 101, 502, 10, 6],
  ]);
  assert.deepEqual(packets[0].options, { mss: 1440, sackPermitted: true, tsVal: 5, tsEcr: 6, wscale: 9 });
});

test('relative numbers are made absolute as tcpdump made them relative, SACK blocks included; -S numbers are kept', async () => {
  const relative = [
    '10:00:00.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 4000000000, win 100, length 0',
    '10:00:00.000001 IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 7000, ack 4000000001, win 100, length 0',
    '10:00:00.000002 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 1, win 100, length 0',
    '10:00:00.000003 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 1001:2001, ack 1, win 100, length 1000',
    '10:00:00.000004 IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [.], ack 1, win 100, options [nop,nop,sack 1 {1001:2001}], length 0',
  ].join('\n');
  const { packets } = await packetsOf(relative);
  assert.deepEqual(packets.map((p) => [p.seq, p.ack]), [[4000000000, 0], [7000, 4000000001], [4000000001, 7001], [4000001001, 7001], [7001, 4000000001]]);
  assert.deepEqual(packets[4].options.sack, [[4000001001, 4000002001]]);
  assert.equal(packets[2].seqImplied, true, 'tcpdump prints no seq on an empty ACK: it is the sender’s next sequence number');
  const absolute = relative.replace('ack 1, win 100, length 0', 'ack 7001, win 100, length 0').replace('seq 1001:2001, ack 1,', 'seq 4000001001:4000002001, ack 7001,')
    .replace('ack 1, win 100, options [nop,nop,sack 1 {1001:2001}]', 'ack 4000000001, win 100, options [nop,nop,sack 1 {4000001001:4000002001}]');
  assert.deepEqual((await packetsOf(absolute)).packets.map((p) => [p.seq, p.ack]), packets.map((p) => [p.seq, p.ack]));
});

test('lines that are not TCP are counted and skipped; a pasted shell session is read', async () => {
  const r = await packetsOf([
    '$ sudo tcpdump -n -i eth0 port 80',
    'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode',
    'listening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
    '10:00:00.000000 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28',
    '10:00:00.000001 IP 10.0.0.1.53000 > 10.0.0.53.53: 1234+ A? example.com. (29)',
    '10:00:00.000002 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 1, win 100, length 0',
    '10:00:00.000003 IP 10.0.0.1.5001 > 10.0.0.2.80: Flags [.], seq 1:101, ack 1, win 100 [|tcp]',
    '^C',
    '3 packets captured',
  ].join('\r\n'));
  assert.equal(r.packets.length, 1);
  assert.equal(r.stats.notTcp, 7);
  assert.equal(r.stats.cut, 1);
  assert.equal(r.stats.format, 'tcpdump');
});

test('a line longer than 1 MiB is refused with its line number', async () => {
  const r = await packetsOf(`IP 1.1.1.1.1 > 2.2.2.2.2: Flags [S], seq 1, win 1, length 0\n${'x'.repeat(1_100_000)}`);
  assert.deepEqual([r.error?.text.id, r.error?.text.params?.line], ['capture.error.longLine', 2]);
});
