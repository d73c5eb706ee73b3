// Link layer -> IP -> TCP: one captured frame to a TcpPacket, or a reason it is none.
// Link types (tcpdump.org/linktypes.html): NULL 0, EN10MB 1, RAW 101 (and 12, 14), LOOP 108,
// LINUX_SLL 113, IPV4 228, IPV6 229, LINUX_SLL2 276.
import { t } from '../i18n/format.ts';
import type { ReadStats, TcpOptions, TcpPacket } from './types.ts';

export const KNOWN_LINK_TYPES: ReadonlySet<number> = new Set([0, 1, 12, 14, 101, 108, 113, 228, 229, 276]);

/** Where the frame came from, for the packet and for messages. */
export interface FrameInfo { number: number; offset: number; sec: number; nsec: number; precision: number; linkType: number }

const MAX_WARNINGS = 5;

function warn(stats: ReadStats, info: FrameInfo, id: string, params: Record<string, string | number>): void {
  if (stats.warnings.filter((w) => w.text.id === id).length < MAX_WARNINGS) stats.warnings.push({ text: t(id, params), packet: info.number, offset: info.offset });
}

/** Decodes one frame; counts it in `stats` when it is not a readable TCP segment. */
export function decodeFrame(data: Uint8Array, info: FrameInfo, stats: ReadStats): TcpPacket | undefined {
  let at = 0;
  let etherType = -1; // -1: the IP version nibble says
  switch (info.linkType) {
    case 1: { // Ethernet, with any number of 802.1Q / 802.1ad tags
      at = 12;
      if (data.length < 14) return notTcp(stats);
      etherType = (data[at] << 8) | data[at + 1]; at += 2;
      while ((etherType === 0x8100 || etherType === 0x88a8 || etherType === 0x9100) && data.length >= at + 4) {
        etherType = (data[at + 2] << 8) | data[at + 3]; at += 4;
      }
      break;
    }
    case 113: // Linux cooked v1: 16 octets, protocol last
      if (data.length < 16) return notTcp(stats);
      etherType = (data[14] << 8) | data[15]; at = 16; break;
    case 276: // Linux cooked v2: 20 octets, protocol first
      if (data.length < 20) return notTcp(stats);
      etherType = (data[0] << 8) | data[1]; at = 20; break;
    case 0: case 108: { // BSD loopback: address family, host order (NULL) or network order (LOOP)
      if (data.length < 4) return notTcp(stats);
      const le = data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24);
      const be = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
      const family = info.linkType === 108 ? be : (le >>> 0) <= 0xffff ? le : be;
      etherType = family === 2 ? 0x0800 : family === 10 || family === 24 || family === 28 || family === 30 ? 0x86dd : 0;
      at = 4; break;
    }
    case 228: etherType = 0x0800; break;
    case 229: etherType = 0x86dd; break;
    default: break; // RAW: the version nibble
  }
  if (etherType === -1) {
    if (data.length < 1) return notTcp(stats);
    const v = data[0] >> 4;
    etherType = v === 4 ? 0x0800 : v === 6 ? 0x86dd : 0;
  }
  if (etherType === 0x0800) return ipv4(data, at, info, stats);
  if (etherType === 0x86dd) return ipv6(data, at, info, stats);
  return notTcp(stats);
}

function notTcp(stats: ReadStats): undefined { stats.notTcp++; return undefined; }

function ipv4(d: Uint8Array, at: number, info: FrameInfo, stats: ReadStats): TcpPacket | undefined {
  if (d.length < at + 20 || d[at] >> 4 !== 4) return notTcp(stats);
  if (d[at + 9] !== 6) return notTcp(stats);
  const ihl = (d[at] & 15) * 4;
  const total = (d[at + 2] << 8) | d[at + 3];
  const fragOffset = ((d[at + 6] & 0x1f) << 8) | d[at + 7];
  if (fragOffset !== 0) return notTcp(stats); // a later fragment holds no TCP header
  const srcId = u32(d, at + 12), dstId = u32(d, at + 16);
  const src = ipv4Text(srcId), dst = ipv4Text(dstId);
  const ipId = (d[at + 4] << 8) | d[at + 5];
  // TSO on the capturing host may record total length 0: then the captured bytes count
  const tcpLength = (total === 0 ? d.length - at : total) - ihl;
  return tcp(d, at + ihl, tcpLength, 4, src, dst, srcId, dstId, ipId, info, stats);
}

function ipv6(d: Uint8Array, at: number, info: FrameInfo, stats: ReadStats): TcpPacket | undefined {
  if (d.length < at + 40 || d[at] >> 4 !== 6) return notTcp(stats);
  let next = d[at + 6];
  let remaining = (d[at + 4] << 8) | d[at + 5];
  const src = ipv6Text(d, at + 8), dst = ipv6Text(d, at + 24);
  let p = at + 40;
  // extension headers: hop-by-hop 0, routing 43, fragment 44, ESP 50 (opaque), AH 51, destination 60, mobility 135, HIP 139, shim6 140
  for (let guard = 0; next !== 6 && guard < 16; guard++) {
    if (d.length < p + 8) return notTcp(stats);
    let len: number;
    if (next === 0 || next === 43 || next === 60 || next === 135 || next === 139 || next === 140) len = (d[p + 1] + 1) * 8;
    else if (next === 44) { if ((((d[p + 2] << 8) | d[p + 3]) & 0xfff8) !== 0) return notTcp(stats); len = 8; }
    else if (next === 51) len = (d[p + 1] + 2) * 4;
    else return notTcp(stats);
    next = d[p]; p += len; remaining -= len;
  }
  if (next !== 6) return notTcp(stats);
  return tcp(d, p, remaining, 6, src, dst, -1, -1, -1, info, stats);
}

function tcp(d: Uint8Array, at: number, tcpLength: number, ipVersion: number, src: string, dst: string, srcId: number, dstId: number, ipId: number, info: FrameInfo, stats: ReadStats): TcpPacket | undefined {
  const captured = d.length - at;
  const dataOffset = captured >= 13 ? (d[at + 12] >> 4) * 4 : 20;
  if (captured < 20 || captured < dataOffset) {
    stats.cut++;
    warn(stats, info, 'capture.warn.cut', { captured: Math.max(captured, 0), needed: Math.max(dataOffset, 20) });
    return undefined;
  }
  if (dataOffset < 20) { notTcp(stats); return undefined; }
  stats.tcp++;
  return {
    number: info.number, offset: info.offset, sec: info.sec, nsec: info.nsec, precision: info.precision,
    ipVersion, src, dst, srcId, dstId,
    sport: (d[at] << 8) | d[at + 1],
    dport: (d[at + 2] << 8) | d[at + 3],
    seq: u32(d, at + 4),
    ack: u32(d, at + 8),
    flags: d[at + 13],
    window: (d[at + 14] << 8) | d[at + 15],
    checksum: (d[at + 16] << 8) | d[at + 17],
    length: Math.max(0, tcpLength - dataOffset),
    options: dataOffset > 20 ? tcpOptions(d, at + 20, at + dataOffset) : {},
    ipId,
  };
}

/** Dotted text of an IPv4 address, the same string object for the same address (a bounded cache). */
const ipv4Texts = new Map<number, string>();
function ipv4Text(a: number): string {
  let text = ipv4Texts.get(a);
  if (text === undefined) {
    if (ipv4Texts.size >= 65536) ipv4Texts.clear();
    text = `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
    ipv4Texts.set(a, text);
  }
  return text;
}

function u32(d: Uint8Array, at: number): number { return ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0; }

/** TCP options (RFC 9293 3.2, RFC 7323, RFC 2018); a malformed option ends the list. */
export function tcpOptions(d: Uint8Array, p: number, end: number): TcpOptions {
  const o: TcpOptions = {};
  while (p < end) {
    const kind = d[p];
    if (kind === 0) break;
    if (kind === 1) { p++; continue; }
    if (p + 1 >= end) break;
    const len = d[p + 1];
    if (len < 2 || p + len > end) break;
    if (kind === 2 && len === 4) o.mss = (d[p + 2] << 8) | d[p + 3];
    else if (kind === 3 && len === 3) o.wscale = d[p + 2];
    else if (kind === 4 && len === 2) o.sackPermitted = true;
    else if (kind === 5 && (len - 2) % 8 === 0) {
      o.sack = [];
      for (let q = p + 2; q < p + len; q += 8) o.sack.push([u32(d, q), u32(d, q + 4)]);
    } else if (kind === 8 && len === 10) { o.tsVal = u32(d, p + 2); o.tsEcr = u32(d, p + 6); }
    p += len;
  }
  return o;
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups as `::`, IPv4-mapped as a.b.c.d. */
export function ipv6Text(d: Uint8Array, at: number): string {
  const g: number[] = [];
  for (let i = 0; i < 8; i++) g.push((d[at + 2 * i] << 8) | d[at + 2 * i + 1]);
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `::ffff:${d[at + 12]}.${d[at + 13]}.${d[at + 14]}.${d[at + 15]}`;
  }
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i; while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
