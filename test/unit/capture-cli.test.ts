// `tcpseq import`: --list (text and JSON), conversion to a file, the options, and the exit status for
// damaged captures (1, what was read is used) and for bad arguments or unreadable files (2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';
import { analyze } from '../../src/core/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/captures');

async function run(...args: string[]) {
  let out = '', err = '';
  const io: CliIO = { write: (s) => { out += s; }, error: (l) => { err += `${l}\n`; }, readStdin: async () => '', interactive: false, env: {} };
  const code = await main(['import', ...args], io);
  return { code, out, err };
}

test('--list prints one numbered line per connection with its facts', async () => {
  const r = await run('--list', join(DIR, 'reuse.pcapng'));
  assert.equal(r.code, 0);
  const lines = r.out.trim().split('\n');
  assert.match(lines[0], /^reuse\.pcapng \(pcapng, 17 packets\): TCP connections: 2$/);
  assert.match(lines[1], /^1\. 127\.0\.0\.1:40109 → 127\.0\.0\.1:40009 {2}6 packets, \d\d:\d\d:\d\d\.\d{6} – \d\d:\d\d:\d\d\.\d{6}, handshake seen, reset \(RST\), 9 \+ 0 octets of data$/);
  assert.match(lines[2], /^2\. 127\.0\.0\.1:40109 → 127\.0\.0\.1:40009 {2}11 packets, .*, handshake seen, closed \(FIN both ways\), 18 \+ 8 octets of data$/);
});

test('--list --json prints one array with an object per connection', async () => {
  const r = await run('--list', '--json', join(DIR, 'midstream.pcap'));
  assert.equal(r.code, 0);
  const list = JSON.parse(r.out);
  assert.equal(list.length, 1);
  assert.deepEqual({ ...list[0], firstTime: 0, lastTime: 0, client: 0, clientPort: 0 }, {
    index: 1, client: 0, server: '127.0.0.1:40006', clientAddress: '127.0.0.1', clientPort: 0, serverAddress: '127.0.0.1', serverPort: 40006,
    packets: 12, firstPacket: 1, lastPacket: 12, firstTime: 0, lastTime: 0, handshake: false, close: 'fin', bytesClientToServer: 14, bytesServerToClient: 20,
  });
});

test('conversion: --connection N, --numbers, -o OUT; the file written checks clean', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tcpseq-import-')), 'second.tcpseq');
  const r = await run(join(DIR, 'multi.pcap'), '--connection', '2', '--numbers', 'absolute', '-o', out);
  assert.deepEqual([r.code, r.out, r.err], [0, '', '']);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^# Imported from multi\.pcap: connection 2 of 3/);
  assert.match(text, /^client -> server: SYN seq=\d+ win=65495 /m);
  assert.deepEqual(analyze(text).diagnostics.filter((d) => d.severity !== 'info'), []);
  const zh = await run('--lang', 'zh-cn', join(DIR, 'basic.pcap'));
  assert.match(zh.out, /^# 导入自 basic\.pcap/);
});

test('a truncated capture: exit 1, the connection read so far is still written, the error says where', async () => {
  const bytes = readFileSync(join(DIR, 'basic.pcap'));
  const file = join(mkdtempSync(join(tmpdir(), 'tcpseq-import-')), 'cut.pcap');
  writeFileSync(file, bytes.subarray(0, 700));
  const r = await run(file);
  assert.equal(r.code, 1);
  assert.match(r.out, /^endpoint client as/m);
  assert.match(r.err, /^tcpseq import: cut\.pcap: reading stopped at packet 8 \(byte 662\): the file ends inside a packet record/);
});

test('bad arguments and unreadable input: exit 2 with one line', async () => {
  const cases: [string[], RegExp][] = [
    [[], /needs one capture FILE/],
    [['--numbers', 'hex', join(DIR, 'basic.pcap')], /--numbers must be one of symbolic\|relative\|absolute; found hex/],
    [['--side', 'middle', join(DIR, 'basic.pcap')], /--side must be one of auto\|client\|server/],
    [['--connection', '0', join(DIR, 'basic.pcap')], /--connection must be a connection number from 1/],
    [['--connection', '4', join(DIR, 'multi.pcap')], /connection 4 does not exist: multi\.pcap has 3/],
    [['--bogus', join(DIR, 'basic.pcap')], /bogus/],
    [[join(DIR, 'nothing-here.pcap')], /cannot read .*nothing-here\.pcap/],
    [[join(import.meta.dirname, '../../package.json')], /no TCP segment line in package\.json/],
  ];
  for (const [args, message] of cases) {
    const r = await run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, `${args.join(' ')}: one line`);
  }
});
