// What was in flight. A capture records each segment once, at the capture point: on loopback when it is
// sent, near a host when that host sends it or when the peer's segment reaches it. So the file order is
// not the order in which each end saw things: a segment may still be on its way while the other end
// sends its next one (whose ack then does not cover it). This module decides, for every segment, when
// it reached the other end, from the other end's acks:
// - a segment that occupies sequence space is delivered before the first segment of the receiver whose
//   ack shows it (the shortest prefix of what is in flight that brings the receiver's RCV.NXT to that ack)
//   or whose SACK blocks cover it;
// - empty segments (ACKs, window updates, RSTs) follow what is ahead of them in flight, and arrive at once
//   when nothing is;
// - a RST without ACK from the receiver takes delivery of everything in flight first (it answers it);
// - whatever is still in flight at the end is delivered there.
// In the result a segment delivered before anything else happens is an ordinary `->`; the others are
// `~>` with a `deliver` line where they arrived.
import type { TcpPacket } from './types.ts';

export interface FlightSegment {
  packet: TcpPacket;
  /** 0 client, 1 server. */
  from: 0 | 1;
  /** Sent and never received (`-x`): the capture shows octets after it but never these. */
  lost?: boolean;
}

export type FlightEvent<S extends FlightSegment> =
  | { kind: 'send'; seg: S; inFlight: boolean }
  | { kind: 'deliver'; segs: S[] };

export interface FlightOptions {
  /** Per sender: may its segments be in flight (false: they are recorded where they arrive). */
  mayBeInFlight: [boolean, boolean];
  /** Per sender: the receiver's RCV.NXT at the start (an ESTABLISHED connection), else undefined. */
  rcvNxt: [number | undefined, number | undefined];
}

const SYN = 2, FIN = 1, RST = 4, ACK = 16;

export function seqEnd(p: TcpPacket): number {
  return (p.seq + p.length + (p.flags & SYN ? 1 : 0) + (p.flags & FIN ? 1 : 0)) >>> 0;
}
/** A SACK block of the receiver's segment covers this segment: it has arrived, out of order. */
function inSack(p: TcpPacket, sack: [number, number][] | undefined): boolean {
  return !!sack && sack.some(([left, right]) => seqGE(p.seq, left) && seqGE(right, seqEnd(p)));
}
function occupies(p: TcpPacket): boolean { return !(p.flags & RST) && (p.length > 0 || (p.flags & (SYN | FIN)) !== 0); }
/** a >= b in sequence space (RFC 9293 3.4). */
export function seqGE(a: number, b: number): boolean { return ((a - b) | 0) >= 0; }

class Receiver {
  nxt: number | undefined;
  private ooo: [number, number][] = [];
  constructor(nxt: number | undefined) { this.nxt = nxt; }
  take(p: TcpPacket): void {
    if (p.flags & RST) return;
    if (p.flags & SYN) { if (this.nxt === undefined) this.nxt = (p.seq + 1) >>> 0; return; }
    if (this.nxt === undefined) return;
    const start = p.seq, end = seqEnd(p);
    if (!occupies(p)) return;
    if (seqGE(this.nxt, start) && !seqGE(this.nxt, end)) this.nxt = end;
    else if (!seqGE(this.nxt, start)) this.ooo.push([start, end]);
    for (let again = true; again;) { // fill from the queue of out-of-order octets
      again = false;
      for (let i = 0; i < this.ooo.length; i++) {
        const [s, e] = this.ooo[i];
        if (seqGE(this.nxt, e)) { this.ooo.splice(i--, 1); continue; }
        if (seqGE(this.nxt, s)) { this.nxt = e; this.ooo.splice(i--, 1); again = true; }
      }
    }
  }
}

export function reconstructFlight<S extends FlightSegment>(segs: readonly S[], options: FlightOptions): FlightEvent<S>[] {
  const queues: [S[], S[]] = [[], []];
  // receivers[s]: the end that receives the segments of sender s
  const receivers = [new Receiver(options.rcvNxt[0]), new Receiver(options.rcvNxt[1])];
  const events: FlightEvent<S>[] = [];
  const sendIndex = new Map<S, number>();

  const deliver = (from: 0 | 1, ack: number | undefined, sack?: [number, number][]): void => {
    const q = queues[from], rx = receivers[from];
    const out: S[] = [];
    let i = 0;
    if (ack === undefined) i = q.length;
    else {
      while (i < q.length && !(rx.nxt !== undefined && seqGE(rx.nxt, ack))) rx.take(q[i++].packet);
      while (i < q.length && (!occupies(q[i].packet) || (rx.nxt !== undefined && seqGE(rx.nxt, seqEnd(q[i].packet))) || inSack(q[i].packet, sack))) rx.take(q[i++].packet);
    }
    if (ack === undefined) for (let j = 0; j < i; j++) rx.take(q[j].packet);
    if (i === 0) return;
    out.push(...q.splice(0, i));
    events.push({ kind: 'deliver', segs: out });
  };

  for (const seg of segs) {
    const p = seg.packet, s = seg.from, o = (1 - s) as 0 | 1;
    if (p.flags & ACK) deliver(o, p.ack, p.options.sack);
    else if (p.flags & RST) deliver(o, undefined);
    if (seg.lost) { events.push({ kind: 'send', seg, inFlight: false }); continue; }
    const queued = options.mayBeInFlight[s] && (queues[s].length > 0 || occupies(p));
    sendIndex.set(seg, events.length);
    events.push({ kind: 'send', seg, inFlight: queued });
    if (queued) queues[s].push(seg);
    else receivers[s].take(p);
  }
  deliver(0, undefined);
  deliver(1, undefined);
  return collapse(events, sendIndex);
}

/** A `~>` delivered before anything else happens is a plain `->`: turn those back, drop emptied delivers. */
function collapse<S extends FlightSegment>(events: FlightEvent<S>[], sendIndex: Map<S, number>): FlightEvent<S>[] {
  const drop = new Set<number>();
  for (let b = 0; b < events.length; b++) {
    const d = events[b];
    if (d.kind !== 'deliver') continue;
    const members = new Set(d.segs);
    const a = sendIndex.get(d.segs[0])!;
    let plain = true;
    for (let k = a; k < b && plain; k++) {
      const e = events[k];
      if (drop.has(k)) continue;
      plain = e.kind === 'send' && e.inFlight && members.has(e.seg);
    }
    if (!plain) continue;
    for (let k = a; k < b; k++) { const e = events[k]; if (e.kind === 'send') e.inFlight = false; }
    drop.add(b);
  }
  return events.filter((_, i) => !drop.has(i));
}
