// Splitting a capture into TCP connections: by 4-tuple, and a new connection when a SYN with a new
// initial sequence number arrives on a 4-tuple already seen (a reused port). Connections are numbered
// from 1 in the order of their first packet.
import { ACK, FIN, RST, SYN, type TcpPacket } from './types.ts';
import { readPackets, type ReadResult } from './reader.ts';

export interface Address { addr: string; port: number }

export interface ConnectionSummary {
  /** 1-based, in order of the first packet. */
  index: number;
  client: Address;
  server: Address;
  packets: number;
  /** Packet number of the first and the last packet. */
  firstPacket: number;
  lastPacket: number;
  /** Capture times (seconds since 1970 with fraction; NaN when the source has none). */
  firstTime: number;
  lastTime: number;
  /** The capture saw the client's SYN (and the server's SYN+ACK). */
  handshake: boolean;
  /** 'fin' both FINs seen, 'rst' a RST seen, 'half' one FIN seen, 'none'. */
  close: 'fin' | 'half' | 'rst' | 'none';
  /** Payload octets client -> server and server -> client. */
  bytes: [number, number];
}

/** An address with its port as the diagram labels it: 10.0.0.1:51234, [::1]:40002. */
export function addressLabel(a: Address): string { return a.addr.includes(':') ? `[${a.addr}]:${a.port}` : `${a.addr}:${a.port}`; }

interface Current { summary: ConnectionSummary; clientSyn?: number; fins: number }

export class ConnectionTracker {
  private readonly current = new Map<string, Current>();
  private count = 0;

  constructor(private readonly onNew?: (c: ConnectionSummary) => void) {}

  /** The connection the packet belongs to (its summary updated), and whether the client sent it. */
  add(p: TcpPacket): { summary: ConnectionSummary; fromClient: boolean } {
    let key: string;
    if (p.srcId >= 0 && p.dstId >= 0) { // IPv4: a 6-character key from the numbers (address halves, port), cheap to hash and hold
      const a = p.srcId * 65536 + p.sport, b = p.dstId * 65536 + p.dport;
      const [lo, loPort, hi, hiPort] = a < b ? [p.srcId, p.sport, p.dstId, p.dport] : [p.dstId, p.dport, p.srcId, p.sport];
      key = String.fromCharCode(lo >>> 16, lo & 0xffff, loPort, hi >>> 16, hi & 0xffff, hiPort);
    } else {
      const a = `${p.src}|${p.sport}`, b = `${p.dst}|${p.dport}`;
      key = a < b ? `${a}|${b}` : `${b}|${a}`;
    }
    let cur = this.current.get(key);
    const bareSyn = (p.flags & (SYN | ACK)) === SYN;
    if (cur && bareSyn && !(cur.clientSyn === p.seq && cur.summary.client.addr === p.src && cur.summary.client.port === p.sport)) cur = undefined;
    if (!cur) {
      cur = { summary: this.start(p), fins: 0 };
      this.current.set(key, cur);
      this.onNew?.(cur.summary);
    }
    const s = cur.summary;
    const fromClient = s.client.addr === p.src && s.client.port === p.sport;
    if (bareSyn && fromClient) { cur.clientSyn = p.seq; s.handshake = s.handshake || s.packets === 0; }
    s.packets++;
    s.lastPacket = p.number;
    s.lastTime = time(p);
    s.bytes[fromClient ? 0 : 1] += p.length;
    if (p.flags & RST) s.close = 'rst';
    else if (p.flags & FIN && s.close !== 'rst') {
      cur.fins |= fromClient ? 1 : 2;
      s.close = cur.fins === 3 ? 'fin' : 'half';
    }
    return { summary: s, fromClient };
  }

  private start(p: TcpPacket): ConnectionSummary {
    const src = { addr: p.src, port: p.sport }, dst = { addr: p.dst, port: p.dport };
    let clientIsSrc: boolean;
    if ((p.flags & (SYN | ACK)) === SYN) clientIsSrc = true;
    else if ((p.flags & (SYN | ACK)) === (SYN | ACK)) clientIsSrc = false;
    else clientIsSrc = p.sport !== p.dport ? p.sport > p.dport : true; // the ephemeral (higher) port is the client's
    return {
      index: ++this.count, client: clientIsSrc ? src : dst, server: clientIsSrc ? dst : src,
      packets: 0, firstPacket: p.number, lastPacket: p.number, firstTime: time(p), lastTime: time(p),
      handshake: false, close: 'none', bytes: [0, 0],
    };
  }
}

export function time(p: TcpPacket): number { return p.sec + p.nsec / 1e9; }

/** Every connection of the input, in order of first packet. */
export async function listConnections(source: AsyncIterable<Uint8Array>): Promise<ReadResult & { connections: ConnectionSummary[] }> {
  const connections: ConnectionSummary[] = [];
  const tracker = new ConnectionTracker((c) => connections.push(c));
  const result = await readPackets(source, (p) => { tracker.add(p); });
  return { ...result, connections };
}

export interface CollectedConnection extends ReadResult {
  summary?: ConnectionSummary;
  /** Its packets in file order, each marked with its sender. */
  packets: { packet: TcpPacket; fromClient: boolean }[];
  /** How many connections the input holds. */
  total: number;
}

/** The packets of connection `index` (1-based); the others are only counted. */
export async function collectConnection(source: AsyncIterable<Uint8Array>, index: number): Promise<CollectedConnection> {
  const packets: CollectedConnection['packets'] = [];
  let summary: ConnectionSummary | undefined;
  let total = 0;
  const tracker = new ConnectionTracker((c) => { total++; if (c.index === index) summary = c; });
  const result = await readPackets(source, (p) => {
    const { summary: s, fromClient } = tracker.add(p);
    if (s.index === index) packets.push({ packet: p, fromClient });
  });
  return { ...result, summary, packets, total };
}
