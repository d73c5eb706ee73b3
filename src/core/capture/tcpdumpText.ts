// `tcpdump -n` text: one TCP segment per line, read line by line as the bytes arrive.
//   17:55:31.378590 IP 127.0.0.1.46258 > 127.0.0.1.40001: Flags [P.], seq 1:19, ack 1, win 64, options [...], length 18
// Timestamps: none (-t), HH:MM:SS.frac (default, -ttt, -ttttt), epoch seconds (-tt), date and time (-tttt);
// `-i any` adds `lo In`; -e adds link headers; -v puts the IP header on a line of its own. Relative numbers
// (the default) are turned back into absolute ones the way tcpdump made them (print-tcp.c): only segments
// with ACK take part; per connection, the first of them and every SYN+ACK print absolute numbers and set
// the bases; the others print numbers relative to them. `-S` prints absolute numbers throughout.
import { t } from '../i18n/format.ts';
import { CaptureError, type ReadStats, type TcpOptions, type TcpPacket } from './types.ts';

const SEGMENT = /(?:^|\s)(\S+)\.(\d+) > (\S+)\.(\d+): Flags \[([^\]]*)\]/;
const TIME = /^\s*(?:(\d{4})-(\d\d)-(\d\d) )?(?:(\d+):(\d\d):(\d\d)|(\d{6,}))(?:\.(\d+))?\s/;
const FLAG_BITS: Record<string, number> = { F: 1, S: 2, R: 4, P: 8, '.': 16, U: 32, E: 64, W: 128 };
const MAX_LINE = 1 << 20;

interface ConnBases { base: Map<string, number> }

export class TcpdumpTextReader {
  private readonly decoder = new TextDecoder('utf-8');
  /** The start of a line that spans chunks, and its length. */
  private readonly partial: string[] = [];
  private partialLength = 0;
  private line = 0;
  private offset = 0;
  private lastTime: { sec: number; nsec: number; precision: number } | undefined;
  private readonly conns = new Map<string, ConnBases>();
  /** Next sequence number per direction, for empty ACKs whose seq tcpdump does not print. */
  private readonly next = new Map<string, number>();
  /** The last ack sent per direction: the peer's next sequence number, when its own is not known yet. */
  private readonly lastAck = new Map<string, number>();
  /** undefined until the first line that tells relative numbers from absolute ones. */
  private relative: boolean | undefined;

  constructor(private readonly sink: (p: TcpPacket) => void, private readonly stats: ReadStats) {}

  /**
   * Splits the text into lines. Only the new chunk is searched for a line break, and the start of a line
   * that spans chunks is kept in pieces: a long line cut into tiny chunks stays linear, not quadratic.
   */
  push(chunk: Uint8Array): void {
    this.stats.bytes += chunk.length;
    const text = this.decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const tail = text.slice(start, nl);
      const line = this.partial.length ? this.partial.join('') + tail : tail;
      this.partial.length = 0;
      this.partialLength = 0;
      this.handle(line);
      start = nl + 1;
    }
    if (start < text.length) {
      this.partial.push(text.slice(start));
      this.partialLength += text.length - start;
    }
    if (this.partialLength > MAX_LINE) throw new CaptureError({ text: t('capture.error.longLine', { line: this.line + 1 }), offset: this.offset });
  }

  end(): void {
    const last = this.partial.join('') + this.decoder.decode();
    this.partial.length = 0;
    this.partialLength = 0;
    if (last.trim()) this.handle(last);
  }

  private handle(raw: string): void {
    this.line++;
    const lineOffset = this.offset;
    this.offset += utf8Length(raw) + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!text.trim()) return;
    const continuation = /^\s/.test(text); // -v: the TCP part of the packet on the line before
    if (!continuation) this.stats.packets++;
    const time = TIME.exec(text);
    if (time && !/^\s/.test(text)) this.lastTime = parseTime(time);
    const m = SEGMENT.exec(text);
    if (!m) {
      if (!continuation && !/^\s*\S*\s*IP6? \(.*proto TCP/.test(text)) this.stats.notTcp++; // -v: the IP header line of the next segment
      return;
    }
    if (/\[\|tcp\]/.test(text)) { this.stats.cut++; return; }
    const [, src, sport, dst, dport, flagText] = m;
    let flags = 0;
    if (flagText !== 'none') for (const c of flagText) flags |= FLAG_BITS[c] ?? 0;
    const rest = text.slice(m.index + m[0].length);
    const seqM = /(?:^|[\s,])seq (\d+)(?::(\d+))?/.exec(rest);
    const ackM = /(?:^|[\s,])ack (\d+)/.exec(rest);
    const winM = /(?:^|[\s,])win (\d+)/.exec(rest);
    const lenM = /(?:^|[\s,])length (\d+)/.exec(rest);
    const optM = /options \[([^\]]*)\]/.exec(rest);
    let seq = seqM ? Number(seqM[1]) >>> 0 : 0;
    let ack = ackM ? Number(ackM[1]) >>> 0 : 0;
    const length = lenM ? Number(lenM[1]) : seqM?.[2] ? (Number(seqM[2]) - Number(seqM[1])) >>> 0 : 0;
    const dir = `${src}.${sport}>${dst}.${dport}`, rev = `${dst}.${dport}>${src}.${sport}`;
    const key = dir < rev ? dir : rev;
    let conn = this.conns.get(key);
    const syn = (flags & 2) !== 0;
    const options = optM ? parseOptions(optM[1]) : {};
    if (!(flags & 16)) {
      // without ACK tcpdump prints absolute numbers and leaves its table alone
    } else if (!conn || syn) {
      if (!conn) { conn = { base: new Map() }; this.conns.set(key, conn); }
      conn.base.set(dir, seqM ? seq : (this.next.get(dir) ?? this.lastAck.get(rev) ?? 0));
      conn.base.set(rev, (ack - 1) >>> 0);
    } else {
      const bs = conn.base.get(dir) ?? 0, br = conn.base.get(rev) ?? 0;
      if (this.relative === undefined && seqM) this.relative = !closer(seq, bs);
      else if (this.relative === undefined && ackM && (flags & 16)) this.relative = !closer(ack, br);
      if (this.relative) {
        if (seqM) seq = (seq + bs) >>> 0;
        if (ackM) ack = (ack + br) >>> 0;
        if (options.sack) options.sack = options.sack.map(([l, r]) => [(l + br) >>> 0, (r + br) >>> 0]);
      }
    }
    const seqImplied = !seqM;
    if (seqImplied) seq = this.next.get(dir) ?? this.lastAck.get(rev) ?? 0;
    if (flags & 16) this.lastAck.set(dir, ack);
    const end = (seq + length + (syn ? 1 : 0) + (flags & 1)) >>> 0;
    const known = this.next.get(dir);
    if (known === undefined || ((end - known) | 0) > 0) this.next.set(dir, end);
    this.stats.tcp++;
    const time0 = this.lastTime;
    this.sink({
      number: this.stats.packets, offset: lineOffset, line: this.line,
      sec: time0?.sec ?? NaN, nsec: time0?.nsec ?? 0, precision: time0?.precision ?? 6,
      ipVersion: src.includes(':') ? 6 : 4, src, dst, srcId: -1, dstId: -1, sport: Number(sport), dport: Number(dport),
      seq, ack, flags, window: winM ? Number(winM[1]) : 0, length, options, ipId: -1, checksum: -1, seqImplied,
    });
  }
}

/** Is `value` nearer to `base` than `value + base` is (absolute numbers, not relative ones)? */
function closer(value: number, base: number): boolean {
  const asAbsolute = Math.abs((value - base) | 0);
  const asRelative = Math.abs(value | 0);
  return asAbsolute < asRelative;
}

function parseTime(m: RegExpExecArray): { sec: number; nsec: number; precision: number } {
  const frac = m[8] ?? '';
  const nsec = frac ? Math.round(Number(frac.padEnd(9, '0').slice(0, 9))) : 0;
  let sec: number;
  if (m[7]) sec = Number(m[7]);
  else {
    const day = m[1] ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000 : 0;
    sec = day + Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
  }
  return { sec, nsec, precision: frac.length || 6 };
}

/** `mss 65495,sackOK,TS val 1 ecr 0,nop,wscale 10,sack 1 {1:100}` */
export function parseOptions(text: string): TcpOptions {
  const o: TcpOptions = {};
  for (const part of text.split(',')) {
    const p = part.trim();
    let m: RegExpExecArray | null;
    if ((m = /^mss (\d+)/.exec(p))) o.mss = Number(m[1]);
    else if ((m = /^wscale (\d+)/.exec(p))) o.wscale = Number(m[1]);
    else if (p === 'sackOK') o.sackPermitted = true;
    else if ((m = /^TS val (\d+) ecr (\d+)/.exec(p))) { o.tsVal = Number(m[1]); o.tsEcr = Number(m[2]); }
    else if (/^sack \d+/.test(p)) o.sack = [...p.matchAll(/\{(\d+):(\d+)\}/g)].map((b) => [Number(b[1]) >>> 0, Number(b[2]) >>> 0]);
  }
  return o;
}

function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : c >= 0xd800 && c <= 0xdbff ? 0 : 1;
  }
  return n;
}
