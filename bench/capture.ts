// Capture import benchmark (npm run bench): writes a large pcap of many interleaved connections to a
// temporary folder (streamed to disk, never held in memory), then runs the shipped CLI on it as a whole
// command: `tcpseq import --list` (every packet read and split into connections) and the conversion of
// one connection. Prints MB/s, packets/s and the child's peak memory (maxRSS). Asserts nothing.
//   node out/bench/capture.mjs out/bench/cli.js [MB]      (default 200 MB; TCPSEQ_BENCH_CAPTURE_MB too)
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cli = process.argv[2] ?? 'out/bench/cli.js';
const targetMb = Number(process.argv[3] ?? process.env.TCPSEQ_BENCH_CAPTURE_MB ?? 200);

interface Conn { client: number; port: number; cSeq: number; sSeq: number; step: number; dataLeft: number }

/** Writes a pcap (Ethernet, µs) of `targetBytes`: connections of 20–80 data segments of 1448 octets, 64 at a time. */
function generate(file: string, targetBytes: number, headersOnly: boolean): { packets: number; connections: number; bytes: number } {
  const fd = openSync(file, 'w');
  const buf = Buffer.alloc(1 << 20);
  let at = 0, written = 0, packets = 0, connections = 0;
  const flush = () => { writeSync(fd, buf, 0, at); written += at; at = 0; };
  buf.writeUInt32LE(0xa1b2c3d4, 0); buf.writeUInt16LE(2, 4); buf.writeUInt16LE(4, 6);
  buf.writeUInt32LE(headersOnly ? 96 : 262144, 16); buf.writeUInt32LE(1, 20); at = 24;
  let time = 1767225600 * 1e6;
  const live: Conn[] = [];
  const packet = (c: Conn, fromClient: boolean, flags: number, len: number) => {
    const frame = 14 + 20 + 32 + len, captured = headersOnly ? Math.min(frame, 96) : frame;
    if (at + 16 + captured > buf.length) flush();
    time += 7;
    buf.writeUInt32LE(Math.floor(time / 1e6), at); buf.writeUInt32LE(time % 1e6, at + 4);
    buf.writeUInt32LE(captured, at + 8); buf.writeUInt32LE(frame, at + 12);
    const f = at + 16;
    buf.fill(0, f, f + captured);
    buf.writeUInt16BE(0x0800, f + 12);
    const ip = f + 14;
    buf[ip] = 0x45; buf.writeUInt16BE(20 + 32 + len, ip + 2); buf.writeUInt16BE(packets & 0xffff, ip + 4); buf[ip + 8] = 64; buf[ip + 9] = 6;
    const a = 0x0a000001 + c.client, b = 0x0a00ff01;
    buf.writeUInt32BE(fromClient ? a : b, ip + 12); buf.writeUInt32BE(fromClient ? b : a, ip + 16);
    const t = ip + 20;
    buf.writeUInt16BE(fromClient ? c.port : 443, t); buf.writeUInt16BE(fromClient ? 443 : c.port, t + 2);
    buf.writeUInt32BE((fromClient ? c.cSeq : c.sSeq) >>> 0, t + 4); buf.writeUInt32BE(flags & 16 ? (fromClient ? c.sSeq : c.cSeq) >>> 0 : 0, t + 8);
    buf[t + 12] = 8 << 4; buf[t + 13] = flags; buf.writeUInt16BE(502, t + 14);
    buf[t + 20] = 1; buf[t + 21] = 1; buf[t + 22] = 8; buf[t + 23] = 10; buf.writeUInt32BE(packets >>> 0, t + 24);
    at += 16 + captured; packets++;
  };
  while (written + at < targetBytes) {
    while (live.length < 64) {
      connections++;
      live.push({ client: connections % 60000, port: 1024 + (connections % 60000), cSeq: (connections * 2654435761) >>> 0, sSeq: (connections * 40503) >>> 0, step: 0, dataLeft: 20 + (connections % 61) });
    }
    const i = packets % live.length, c = live[i];
    switch (c.step) {
      case 0: packet(c, true, 2, 0); c.cSeq++; c.step = 1; break;
      case 1: packet(c, false, 18, 0); c.sSeq++; c.step = 2; break;
      case 2: packet(c, true, 16, 0); c.step = 3; break;
      case 3: packet(c, true, 24, 1448); c.cSeq += 1448; c.step = 4; break;
      case 4: packet(c, false, 16, 0); c.step = --c.dataLeft > 0 ? 3 : 5; break;
      case 5: packet(c, true, 17, 0); c.cSeq++; c.step = 6; break;
      case 6: packet(c, false, 17, 0); c.sSeq++; c.step = 7; break;
      default: packet(c, true, 16, 0); live.splice(i, 1); break;
    }
  }
  flush();
  closeSync(fd);
  return { packets, connections, bytes: written };
}

const dir = mkdtempSync(join(tmpdir(), 'tcpseq-bench-capture-'));
const rss = join(dir, 'rss.cjs');
writeFileSync(rss, "process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n'));\n");

function command(args: string[]): { ms: number; maxRssMb: number; status: number | null; out: string; err: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', rss, cli, 'import', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, maxRssMb: kb / 1024, status: r.status, out: r.stdout, err: r.stderr.split('\n')[0] };
}

try {
  console.log(`tcpseq capture import benchmark (node ${process.version}; whole command: node ${cli} import …)`);
  console.log(['capture', 'MB', 'packets', 'conns', 'command', 'seconds', 'MB/s', 'packets/s', 'peak MB'].map((h, i) => (i === 0 ? h.padEnd(22) : h.padStart(11))).join(''));
  for (const headersOnly of [false, true]) {
    const file = join(dir, headersOnly ? 'headers.pcap' : 'full.pcap');
    const mb = headersOnly ? targetMb / 2 : targetMb;
    const g = generate(file, mb * 1e6, headersOnly);
    const size = statSync(file).size / 1e6;
    const label = headersOnly ? `${mb} MB, headers (-s 96)` : `${mb} MB, full packets`;
    for (const [name, args] of [['--list', ['--list', file]], ['convert #1', [file, '-o', join(dir, 'out.tcpseq')]]] as const) {
      const r = command([...args]);
      console.log([label.padEnd(22), size.toFixed(0), String(g.packets), String(g.connections), name, (r.ms / 1000).toFixed(2),
        (size / (r.ms / 1000)).toFixed(0), (g.packets / (r.ms / 1000)).toFixed(0), r.maxRssMb.toFixed(0)].map((s, i) => (i === 0 ? s : s.padStart(11))).join('') + (r.status ? `  (exit ${r.status}: ${r.err})` : ''));
    }
    rmSync(file);
  }
  console.log('targets: >= 100 MB/s, peak memory < 150 MB (the file is streamed in 1 MiB chunks, never held whole)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
