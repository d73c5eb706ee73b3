// What the capture readers produce: one decoded TCP segment per packet, plus what was skipped and why.
import type { Text } from '../i18n/types.ts';

/** A TCP segment as a capture (or a tcpdump line) shows it. Numbers are unsigned 32-bit. */
export interface TcpPacket {
  /** 1-based packet number in the file (tcpdump text: the number of the packet line, as tcpdump counted). */
  number: number;
  /** tcpdump text: the 1-based line number. */
  line?: number;
  /** Byte offset of the packet record in the file (of the line for tcpdump text). */
  offset: number;
  /** Capture time: whole seconds since 1970 (NaN when the source has no time) and nanoseconds. */
  sec: number;
  nsec: number;
  /** Timestamp digits the source gave (6 for microseconds, 9 for nanoseconds). */
  precision: number;
  /** 4 or 6. */
  ipVersion: number;
  src: string;
  dst: string;
  /** IPv4 addresses as unsigned 32-bit numbers (-1 for IPv6 and tcpdump text): a fast key for the connection split. */
  srcId: number;
  dstId: number;
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  /** TCP flag bits as on the wire: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, ECE 64, CWR 128. */
  flags: number;
  /** The window field as sent (not scaled). */
  window: number;
  /** Payload octets, from the IP length (not what the snapshot kept). */
  length: number;
  options: TcpOptions;
  /** IPv4 identification (-1 for IPv6 or unknown), to tell a capture's own duplicate from a retransmission. */
  ipId: number;
  /** The TCP checksum (-1 when unknown), same purpose. */
  checksum: number;
  /** Text sources: the seq was not printed (tcpdump leaves it out on empty ACKs). */
  seqImplied?: boolean;
}

export interface TcpOptions {
  mss?: number;
  wscale?: number;
  sackPermitted?: boolean;
  /** SACK blocks [left, right) as sent. */
  sack?: [number, number][];
  tsVal?: number;
  tsEcr?: number;
}

export const FIN = 1, SYN = 2, RST = 4, PSH = 8, ACK = 16, URG = 32, ECE = 64, CWR = 128;

/** A problem with the input: the message, and where (packet number, byte offset) when known. */
export interface CaptureProblem {
  text: Text;
  packet?: number;
  offset?: number;
}

/** The reader stops at the first error; the packets before it are kept. */
export class CaptureError extends Error {
  constructor(readonly problem: CaptureProblem) { super(problem.text.id); }
}

/** What a reader counted while it read. */
export interface ReadStats {
  format: 'pcap' | 'pcapng' | 'tcpdump';
  /** Packets (or lines) read. */
  packets: number;
  bytes: number;
  tcp: number;
  /** Packets that are not TCP (ARP, UDP, ICMP …) or tcpdump lines that are no TCP segment. */
  notTcp: number;
  /** TCP packets whose header the snapshot length cut. */
  cut: number;
  /** Packets of a link type the reader does not know (pcapng interfaces). */
  unknownLink: number;
  /** Warnings worth showing (at most a few of each kind). */
  warnings: CaptureProblem[];
}

export function newStats(format: ReadStats['format']): ReadStats {
  return { format, packets: 0, bytes: 0, tcp: 0, notTcp: 0, cut: 0, unknownLink: 0, warnings: [] };
}
