// Real traffic: captures of the Linux TCP stack on this project's machine (scripts/make-captures.sh:
// Python servers and clients on 127.0.0.1 and ::1 while tcpdump recorded `lo`). Each import checks clean
// (no error, no warning) and ends in the states Linux reached; the pcap, the pcapng (editcap) and the
// tcpdump -n text (relative and -S absolute numbers) of the same traffic give the same tcpseq file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/index.ts';
import { chunksOf, importCapture, listConnections, type ConvertOptions } from '../../src/core/capture/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/captures');
const bytes = (name: string) => readFileSync(join(DIR, name));

async function convert(name: string, index = 1, options: ConvertOptions = {}) {
  const r = await importCapture(chunksOf(bytes(name), 4096), index, { source: 'capture', ...options });
  assert.equal(r.error, undefined, `${name}: no read error`);
  assert.ok(r.converted, `${name}: connection ${index} exists`);
  return { ...r, text: r.converted!.text };
}

function findings(text: string) {
  return analyze(text).diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
}

// scenario -> per connection: the final states of client and server
const SCENARIOS: Record<string, [string, string][]> = {
  basic: [['TIME_WAIT', 'CLOSED']], // handshake, data both ways, close
  ipv6: [['TIME_WAIT', 'CLOSED']], // the same on ::1
  halfclose: [['TIME_WAIT', 'CLOSED']], // client shuts down writing, server sends three segments in CLOSE_WAIT
  refused: [['CLOSED', 'CLOSED']], // SYN to a closed port, RST+ACK
  abort: [['CLOSED', 'CLOSED']], // server closes with SO_LINGER 0: RST
  midstream: [['TIME_WAIT', 'CLOSED']], // tcpdump started after the handshake
  bulk: [['TIME_WAIT', 'CLOSED']], // 300 kB upload, window scale 10 and 0, snapshot length 128
  multi: [['TIME_WAIT', 'CLOSED'], ['TIME_WAIT', 'CLOSED'], ['TIME_WAIT', 'CLOSED']],
  reuse: [['CLOSED', 'CLOSED'], ['TIME_WAIT', 'CLOSED']], // same client port: abort, then a new SYN
  'any-sll2': [['TIME_WAIT', 'CLOSED']], // -i any -y LINUX_SLL2
  'any-sll': [['TIME_WAIT', 'CLOSED']], // -i any -y LINUX_SLL
  crossing: [['TIME_WAIT', 'CLOSED']], // two namespaces over veth, the server's answers queued: a capture near the client
  loss: [['TIME_WAIT', 'CLOSED']], // the client's queue drops segments; captured near the receiver
};

for (const [scenario, finals] of Object.entries(SCENARIOS)) {
  test(`${scenario}: every connection checks clean and ends in the states Linux reached`, async () => {
    const list = await listConnections(chunksOf(bytes(`${scenario}.pcap`)));
    assert.equal(list.connections.length, finals.length);
    for (let i = 0; i < finals.length; i++) {
      const { text } = await convert(`${scenario}.pcap`, i + 1);
      assert.deepEqual(findings(text), [], `${scenario} connection ${i + 1}:\n${text}`);
      assert.deepEqual(analyze(text).final, finals[i], `${scenario} connection ${i + 1}: final states`);
    }
  });

  test(`${scenario}: pcap, pcapng and tcpdump text (relative and -S) give the same file`, async () => {
    for (let i = 1; i <= finals.length; i++) {
      const fromPcap = (await convert(`${scenario}.pcap`, i)).text;
      for (const other of [`${scenario}.pcapng`, `${scenario}.txt`, `${scenario}.S.txt`]) {
        assert.equal((await convert(other, i)).text, fromPcap, `${other} connection ${i}`);
      }
    }
  });
}

test('basic: the textbook handshake with symbols, the window scaled by 2^10, options and times as comments', async () => {
  const { text } = await convert('basic.pcap');
  const lines = text.split('\n');
  assert.ok(lines.includes('endpoint client as "127.0.0.1:46258"'));
  assert.ok(lines.includes('endpoint server LISTEN as "127.0.0.1:40001"'));
  assert.match(text, /^client -> server: SYN seq=x win=65495 +# packet 1 · \+0\.000000 · mss 65495, sackOK, wscale 10, TS val 2896030499 ecr 0$/m);
  assert.match(text, /^server -> client: SYN\+ACK seq=y ack=x\+1 win=65483 /m);
  assert.match(text, /^client -> server: ACK seq=x\+1 ack=y\+1 win=65536 /m, 'window field 64 << 10');
  assert.match(text, /^client -> server: PSH\+ACK seq=x\+1 ack=y\+1 len=18 win=65536 /m);
  assert.match(text, /^# Window scale: client 10, server 10/m);
  assert.match(text, /^# Captured on loopback/m);
});

test('crossing (near the client, not loopback): data crosses the server\'s replies; what was in flight is written ~> with deliver lines, and it checks clean', async () => {
  const { text } = await convert('crossing.pcap');
  assert.match(text, /^# Captured near the client/m);
  assert.match(text, /^title 10\.77\.0\.1:\d+ → 10\.77\.0\.2:40020$/m);
  const inFlight = text.split('\n').filter((l) => !l.startsWith('#') && / ~> /.test(l)).length;
  assert.ok(inFlight >= 10, `segments in flight: ${inFlight}`);
  assert.match(text, /^deliver c\d+/m);
  assert.match(text, new RegExp(`^# ${inFlight} segments were still in flight`, 'm'));
  // the same file without the reconstruction (--side server: the client's segments arrive at once) does not check
  const { text: naive } = await convert('crossing.pcap', 1, { side: 'server' });
  assert.ok(findings(naive).some((f) => / wrong-ack /.test(f)), 'read as if nothing were in flight, the acks do not fit');
});

test('loss (captured near the receiver): segments lost before the capture point are written -x in the sender\'s segment size, the retransmissions that fill them are marked', async () => {
  const { text } = await convert('loss.pcap');
  const lost = text.split('\n').filter((l) => / -x /.test(l));
  assert.ok(lost.length >= 3, `lost segments: ${lost.length}`);
  for (const l of lost) assert.match(l, / len=1448 /, 'each lost segment as large as the ones the client sent');
  assert.match(text, /# not in the capture: \d+ octets that the next segment shows were sent; lost before the capture point/);
  assert.ok(text.split('\n').filter((l) => / · retransmission/.test(l)).length >= 3);
  assert.match(text, /· sack x\+\d+\.\.x\+\d+/, 'SACK blocks in the symbols of the data they acknowledge');
  const codes = analyze(text).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('retransmission') && codes.includes('out-of-order'));
  assert.doesNotMatch(text, /recorded packet \d+ twice/, 'a second duplicate ACK is a new packet, not a copy');
});

test('bulk: the server offered window scale 0, so its window is not scaled; the payload cut by -s 128 still counts', async () => {
  const { text } = await convert('bulk.pcap');
  assert.match(text, /^server -> client: ACK seq=y\+1 ack=x\+16385 win=32768 /m);
  assert.match(text, /^client -> server: FIN\+PSH\+ACK seq=x\+278529 ack=y\+1 len=21472 win=65536 /m);
});

test('midstream: both ends ESTABLISHED with snd= and rcv= from their first segments; no win= (scale unknown)', async () => {
  const { text } = await convert('midstream.pcap');
  assert.match(text, /^endpoint client ESTABLISHED snd=u rcv=v as "127\.0\.0\.1:\d+"$/m);
  assert.match(text, /^endpoint server ESTABLISHED snd=v rcv=u as "127\.0\.0\.1:40006"$/m);
  assert.doesNotMatch(text.replace(/#.*$/gm, ''), /win=/);
  const numbers = await convert('midstream.pcap', 1, { numbers: 'absolute' });
  assert.match(numbers.text, /^endpoint client ESTABLISHED snd=1881576010 rcv=1846635006 /m);
  assert.deepEqual(findings(numbers.text), []);
});

test('refused: the server never listened (CLOSED) and answers the SYN with RST+ACK seq=0 ack=x+1', async () => {
  const { text } = await convert('refused.pcap');
  assert.match(text, /^endpoint server as /m);
  assert.match(text, /^server -> client: RST\+ACK seq=0 ack=x\+1 /m);
});

test('--numbers relative and absolute check clean too', async () => {
  for (const numbers of ['relative', 'absolute'] as const) {
    for (const name of ['basic.pcap', 'halfclose.pcap', 'bulk.pcap', 'reuse.pcap']) {
      const { text } = await convert(name, 1, { numbers });
      assert.deepEqual(findings(text), [], `${name} --numbers ${numbers}`);
    }
  }
  const rel = (await convert('basic.pcap', 1, { numbers: 'relative' })).text;
  assert.match(rel, /^client -> server: PSH\+ACK seq=1 ack=1 len=18 /m);
  const abs = (await convert('basic.pcap', 1, { numbers: 'absolute' })).text;
  assert.match(abs, /^client -> server: SYN seq=1783322574 /m);
});

test('nano.pcap (the same traffic with nanosecond timestamps) gives the same segments, times with 9 digits', async () => {
  const nano = (await convert('nano.pcap')).text, micro = (await convert('basic.pcap')).text;
  assert.match(nano, /packet 2 · \+0\.000030000 ·/);
  assert.equal(nano.replace(/\+\d+\.\d+/g, 'T'), micro.replace(/\+\d+\.\d+/g, 'T'));
});

test('the Chinese header and notes use the textbook terms', async () => {
  const { text } = await convert('basic.pcap', 1, { lang: 'zh-cn' });
  assert.match(text, /^# 在环回接口上抓包/m);
  assert.match(text, /^== 连接建立 ==$/m);
  assert.match(text, /# 第 1 个分组 · /);
  assert.deepEqual(findings(text), []);
});
