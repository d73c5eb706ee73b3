// A capture can record one packet twice (`-i any` sees a loopback packet leave and arrive; a mirror
// port copies both directions). Such a copy is dropped; a retransmission is not one: it is sent later,
// with a new IP identification or a new TCP timestamp.
import type { TcpPacket } from './types.ts';

/** Nanoseconds apart below which two identical packets are one packet seen twice. */
const SAME_MOMENT_NS = 2_000_000;

function sameHeader(a: TcpPacket, b: TcpPacket): boolean {
  return a.src === b.src && a.sport === b.sport && a.dst === b.dst && a.dport === b.dport && a.seq === b.seq && a.ack === b.ack &&
    a.flags === b.flags && a.window === b.window && a.length === b.length && a.checksum === b.checksum &&
    a.options.tsVal === b.options.tsVal && a.options.tsEcr === b.options.tsEcr;
}

function nsApart(a: TcpPacket, b: TcpPacket): number {
  if (Number.isNaN(a.sec) || Number.isNaN(b.sec)) return Infinity;
  return Math.abs((b.sec - a.sec) * 1e9 + (b.nsec - a.nsec));
}

/** Is `p` a copy of one of `recent` (the last few packets of its connection)? Returns that packet. */
export function captureDuplicateOf(p: TcpPacket, recent: readonly TcpPacket[]): TcpPacket | undefined {
  for (let i = recent.length - 1; i >= 0; i--) {
    const q = recent[i];
    if (!sameHeader(p, q)) continue;
    const sameIpId = p.ipId >= 0 && p.ipId === q.ipId && p.ipId !== 0;
    if (nsApart(q, p) < SAME_MOMENT_NS || (sameIpId && p.options.tsVal !== undefined)) return q;
  }
  return undefined;
}
