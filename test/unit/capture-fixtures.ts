// Hand-made capture bytes for what this machine cannot record (big-endian files, VLAN tags, IPv6
// extension headers, BSD loopback, several pcapng interfaces …). Used by the capture tests, and run as a
// script by scripts/make-captures.sh to write the small committed files in test/fixtures/captures/odd/:
//   node --import tsx test/unit/capture-fixtures.ts --write
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ODD_DIR = join(import.meta.dirname, '../fixtures/captures/odd');
export interface Seg {
  src: string; dst: string; sport: number; dport: number;
  seq: number; ack: number; flags: number; win: number;
  /** Payload octets (zeros). */
  len?: number;
  options?: number[];
  ipId?: number;
  /** IPv6 extension headers to put before TCP (0 hop-by-hop, 43 routing, 44 fragment, 60 destination). */
  ext?: number[];
}

const isV6 = (a: string) => a.includes(':');

function v4bytes(a: string): number[] { return a.split('.').map(Number); }
function v6bytes(a: string): number[] {
  const [head, tail] = a.split('::');
  const h = head ? head.split(':') : [], t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.flatMap((g) => [g >> 8, g & 255]);
}
const be16 = (n: number) => [(n >> 8) & 255, n & 255];
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

export function tcpBytes(s: Seg): number[] {
  const opts = [...(s.options ?? [])];
  while (opts.length % 4) opts.push(1);
  const doff = (20 + opts.length) / 4;
  return [...be16(s.sport), ...be16(s.dport), ...be32(s.seq), ...be32(s.ack), doff << 4, s.flags, ...be16(s.win), 0, 0, 0, 0, ...opts, ...Array(s.len ?? 0).fill(0)];
}

/** An IPv4 or IPv6 packet holding the segment. */
export function ipBytes(s: Seg): number[] {
  const tcp = tcpBytes(s);
  if (!isV6(s.src)) {
    return [0x45, 0, ...be16(20 + tcp.length), ...be16(s.ipId ?? 1), 0x40, 0, 64, 6, 0, 0, ...v4bytes(s.src), ...v4bytes(s.dst), ...tcp];
  }
  const exts: number[] = [];
  const chain = [...(s.ext ?? []), 6];
  for (let i = 0; i < chain.length - 1; i++) {
    const type = chain[i], next = chain[i + 1];
    exts.push(...(type === 44 ? [next, 0, 0, 0, 0, 0, 0, 1] : type === 43 ? [next, 0, 0, 0, 0, 0, 0, 0] : [next, 0, 1, 4, 0, 0, 0, 0]));
  }
  return [0x60, 0, 0, 0, ...be16(exts.length + tcp.length), chain.length > 1 ? chain[0] : 6, 64, ...v6bytes(s.src), ...v6bytes(s.dst), ...exts, ...tcp];
}

/** The frame of a link type around an IP packet. */
export function frame(linkType: number, ip: number[], opts: { vlan?: number[]; le?: boolean } = {}): number[] {
  const v6 = ip[0] >> 4 === 6;
  const etherType = v6 ? 0x86dd : 0x0800;
  switch (linkType) {
    case 1: return [...Array(12).fill(2), ...(opts.vlan ?? []).flatMap((id) => [0x81, 0x00, ...be16(id)]), ...be16(etherType), ...ip];
    case 113: return [0, 0, 3, 4, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, ...be16(etherType), ...ip];
    case 276: return [...be16(etherType), 0, 0, 0, 0, 0, 1, 3, 4, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, ...ip];
    case 0: { const f = v6 ? 30 : 2; return [...(opts.le === false ? be32(f) : [f, 0, 0, 0]), ...ip]; }
    case 108: return [...be32(v6 ? 24 : 2), ...ip];
    default: return ip; // 101 raw, 228, 229
  }
}

export interface Rec { frame: number[]; sec: number; frac: number; orig?: number }

export function pcap(recs: Rec[], o: { le?: boolean; nano?: boolean; linkType?: number; snaplen?: number } = {}): Uint8Array {
  const le = o.le ?? true;
  const u32 = (n: number) => (le ? be32(n).reverse() : be32(n));
  const u16 = (n: number) => (le ? be16(n).reverse() : be16(n));
  const out = [...u32(o.nano ? 0xa1b23c4d : 0xa1b2c3d4), ...u16(2), ...u16(4), ...u32(0), ...u32(0), ...u32(o.snaplen ?? 262144), ...u32(o.linkType ?? 1)];
  for (const r of recs) out.push(...u32(r.sec), ...u32(r.frac), ...u32(r.frame.length), ...u32(r.orig ?? r.frame.length), ...r.frame);
  return Uint8Array.from(out);
}

export interface NgPacket { iface: number; frame: number[]; units: bigint; simple?: boolean }
export interface NgSection { le?: boolean; interfaces: { linkType: number; tsresol?: number; snaplen?: number }[]; packets: NgPacket[] }

export function pcapng(sections: NgSection[]): Uint8Array {
  const out: number[] = [];
  for (const s of sections) {
    const le = s.le ?? true;
    const u32 = (n: number) => (le ? be32(n).reverse() : be32(n));
    const u16 = (n: number) => (le ? be16(n).reverse() : be16(n));
    const block = (type: number, body: number[]) => {
      while (body.length % 4) body.push(0);
      const len = body.length + 12;
      out.push(...u32(type), ...u32(len), ...body, ...u32(len));
    };
    block(0x0a0d0d0a, [...u32(0x1a2b3c4d), ...u16(1), ...u16(0), ...u32(0xffffffff), ...u32(0xffffffff)]);
    for (const i of s.interfaces) {
      const opts = i.tsresol !== undefined ? [...u16(9), ...u16(1), i.tsresol, 0, 0, 0, ...u16(0), ...u16(0)] : [];
      block(1, [...u16(i.linkType), ...u16(0), ...u32(i.snaplen ?? 0), ...opts]);
    }
    block(5, [...u32(0), ...u32(0), ...u32(0)]); // an interface statistics block: skipped
    for (const p of s.packets) {
      if (p.simple) { block(3, [...u32(p.frame.length), ...p.frame]); continue; }
      const hi = Number(p.units >> 32n), lo = Number(p.units & 0xffffffffn);
      block(6, [...u32(p.iface), ...u32(hi), ...u32(lo), ...u32(p.frame.length), ...u32(p.frame.length), ...p.frame]);
    }
  }
  return Uint8Array.from(out);
}

// The options Linux puts on a SYN: mss 1460, sackOK, TS, nop, wscale 7.
export const SYN_OPTIONS = [2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7];

/** A small conversation: handshake, 100 octets each way, close. */
export function conversation(client: string, server: string, isn = 1000, isn2 = 5000): Seg[] {
  const c = { src: client, dst: server, sport: 51234, dport: 80 }, s = { src: server, dst: client, sport: 80, dport: 51234 };
  return [
    { ...c, seq: isn, ack: 0, flags: 2, win: 64240, options: SYN_OPTIONS },
    { ...s, seq: isn2, ack: isn + 1, flags: 18, win: 65160, options: SYN_OPTIONS },
    { ...c, seq: isn + 1, ack: isn2 + 1, flags: 16, win: 502 },
    { ...c, seq: isn + 1, ack: isn2 + 1, flags: 24, win: 502, len: 100 },
    { ...s, seq: isn2 + 1, ack: isn + 101, flags: 24, win: 509, len: 100 },
    { ...c, seq: isn + 101, ack: isn2 + 101, flags: 17, win: 502 },
    { ...s, seq: isn2 + 101, ack: isn + 102, flags: 17, win: 509 },
    { ...c, seq: isn + 102, ack: isn2 + 102, flags: 16, win: 502 },
  ];
}

/** Records one millisecond apart, starting at 2026-01-01. */
export function records(segs: Seg[], linkType: number, opts: { vlan?: number[]; nano?: boolean } = {}): Rec[] {
  return segs.map((s, i) => ({ frame: frame(linkType, ipBytes(s), opts), sec: 1767225600, frac: (i * 1000 + 7) * (opts.nano ? 1000 : 1) }));
}

/** The odd-format fixtures, by file name. */
export function oddFixtures(): Record<string, Uint8Array> {
  const v4 = conversation('10.0.0.1', '10.0.0.2');
  const v6 = conversation('2001:db8::1', '2001:db8::2').map((s, i) => ({ ...s, ext: i % 2 ? [0, 60] : [43] }));
  const whole = pcap(records(v4, 1), { le: false });
  return {
    'big-endian.pcap': whole,
    'nanosecond-le.pcap': pcap(records(v4, 1, { nano: true }), { nano: true }),
    'vlan.pcap': pcap(records(v4, 1, { vlan: [100, 200] })),
    'ipv6-ext.pcap': pcap(records(v6, 1)),
    'sll2.pcap': pcap(records(v4, 276), { linkType: 276 }),
    'null-loopback.pcap': pcap(records(v4, 0), { linkType: 0 }),
    'raw-ip.pcap': pcap(records(v4, 101), { linkType: 101 }),
    'truncated.pcap': whole.subarray(0, whole.length - 30),
    'two-interfaces-be.pcapng': pcapng([{
      le: false, interfaces: [{ linkType: 1 }, { linkType: 113, tsresol: 9 }],
      packets: v4.map((s, i) => i % 2
        ? { iface: 1, frame: frame(113, ipBytes(s)), units: 1767225600_000_000_000n + BigInt(i) * 1_000_000n + 7_000n }
        : { iface: 0, frame: frame(1, ipBytes(s)), units: 1767225600_000_000n + BigInt(i) * 1000n + 7n }),
    }]),
  };
}

if (process.argv.includes('--write')) {
  mkdirSync(ODD_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(oddFixtures())) writeFileSync(join(ODD_DIR, name), bytes);
  console.log(`wrote ${Object.keys(oddFixtures()).length} files to test/fixtures/captures/odd/`);
}
