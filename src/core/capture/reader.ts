// One entry for every input: a pcap or pcapng file, or tcpdump text, told apart by the first bytes,
// read from an async iterable of chunks (a file stream, a fetched body, a Uint8Array cut in pieces) and
// handed out as TCP packets, one at a time. Nothing but the current record is kept.
import { t } from '../i18n/format.ts';
import { decodeFrame, type FrameInfo } from './decode.ts';
import { PcapReader } from './pcap.ts';
import { PcapngReader } from './pcapng.ts';
import { TcpdumpTextReader } from './tcpdumpText.ts';
import { CaptureError, newStats, type CaptureProblem, type ReadStats, type TcpPacket } from './types.ts';

/** Octets looked at to tell the format (the text test reads this many). */
const HEAD = 512;

export interface ReadResult {
  stats: ReadStats;
  /** The error that stopped the reading; the packets before it were delivered. */
  error?: CaptureProblem;
}

/** Reads the whole input; `onPacket` gets every TCP segment in file order. Never throws for bad input. */
export async function readPackets(source: AsyncIterable<Uint8Array>, onPacket: (p: TcpPacket) => void): Promise<ReadResult> {
  let reader: { push(c: Uint8Array): void; end(): void } | undefined;
  let stats = newStats('pcap');
  let head: Uint8Array = new Uint8Array(0);
  try {
    for await (const chunk of source) {
      if (!reader) {
        head = concat(head, chunk);
        if (head.length < HEAD) continue; // decide on the same bytes however the input is cut
        ({ reader, stats } = open(head, onPacket));
        reader.push(head);
        continue;
      }
      reader.push(chunk);
    }
    if (!reader) {
      if (head.length === 0) return { stats, error: { text: t('capture.error.empty'), offset: 0 } };
      ({ reader, stats } = open(head, onPacket));
      reader.push(head);
    }
    reader.end();
    return { stats };
  } catch (e) {
    if (e instanceof CaptureError) return { stats, error: e.problem };
    throw e;
  }
}

function open(head: Uint8Array, onPacket: (p: TcpPacket) => void): { reader: { push(c: Uint8Array): void; end(): void }; stats: ReadStats } {
  const magic = head.length >= 4 ? ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0 : 0;
  if ([0xa1b2c3d4, 0xa1b23c4d, 0xd4c3b2a1, 0x4d3cb2a1].includes(magic)) {
    const stats = newStats('pcap');
    return { stats, reader: counting(new PcapReader(frameSink(stats, onPacket)), stats) };
  }
  if (magic === 0x0a0d0d0a) {
    const stats = newStats('pcapng');
    return { stats, reader: counting(new PcapngReader(frameSink(stats, onPacket), stats), stats) };
  }
  if (looksLikeText(head)) {
    const stats = newStats('tcpdump');
    return { stats, reader: new TcpdumpTextReader(onPacket, stats) };
  }
  throw new CaptureError({ text: t('capture.error.notCapture'), offset: 0 });
}

function frameSink(stats: ReadStats, onPacket: (p: TcpPacket) => void) {
  return (data: Uint8Array, info: FrameInfo): void => {
    stats.packets++;
    const p = decodeFrame(data, info, stats);
    if (p) onPacket(p);
  };
}

function counting<R extends { push(c: Uint8Array): void; end(): void }>(r: R, stats: ReadStats): R {
  const push = r.push.bind(r);
  r.push = (c: Uint8Array) => { stats.bytes += c.length; push(c); };
  return r;
}

/** Text: no NUL and few control characters in the first 512 octets. */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control * 20 < n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const r = new Uint8Array(a.length + b.length);
  r.set(a, 0); r.set(b, a.length);
  return r;
}

/** Cuts bytes already in memory into chunks, as a file stream would deliver them. */
export async function* chunksOf(bytes: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, Math.min(bytes.length, i + size));
}
