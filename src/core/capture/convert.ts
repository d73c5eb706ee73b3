// One captured connection -> a tcpseq file that the checker accepts as the conversation it was:
// endpoints named client/server and labelled with their addresses, ISNs as x/y (or numbers), `len=`,
// `win=` scaled by the negotiated window scale, `ESTABLISHED snd= rcv=` for a capture that starts
// mid-connection, options and times as comments, and `~>`/`deliver` where a segment was still in flight
// (flight.ts). Every comment is a catalog message in the language asked for.
import { formatText, t } from '../i18n/format.ts';
import type { Lang, Text } from '../i18n/types.ts';
import { addressLabel, time, type ConnectionSummary } from './connections.ts';
import { captureDuplicateOf } from './duplicates.ts';
import { reconstructFlight, seqEnd, seqGE, type FlightSegment } from './flight.ts';
import { ACK, CWR, ECE, FIN, PSH, RST, SYN, URG, type TcpPacket } from './types.ts';

export type NumberStyle = 'symbolic' | 'relative' | 'absolute';
export type CaptureSide = 'auto' | 'client' | 'server';
export type InferredSide = 'loopback' | 'client' | 'server' | 'unknown';

export interface ConvertOptions {
  numbers?: NumberStyle;
  side?: CaptureSide;
  lang?: Lang;
  /** The file name shown in the header. */
  source?: string;
  /** How many connections the file holds. */
  total?: number;
}

export interface Converted {
  text: string;
  side: InferredSide;
  /** Copies the capture made of one packet, dropped. */
  duplicates: number;
  /** Segments written `~>` (delivered later by a `deliver` line). */
  inFlight: number;
  midConnection: boolean;
}

interface Seg extends FlightSegment { notes: Text[]; after: Text[]; synthetic?: boolean; id?: string }

const COMMENT_COLUMN = 64;
/** At most this many lost segments are written for one gap. */
const MAX_LOST_PIECES = 256;

export function convertConnection(summary: ConnectionSummary, packets: readonly { packet: TcpPacket; fromClient: boolean }[], options: ConvertOptions = {}): Converted {
  const lang = options.lang ?? 'en', numbers = options.numbers ?? 'symbolic', side = options.side ?? 'auto';
  const say = (text: Text) => formatText(lang, text);

  // 1. drop the capture's own copies
  const segs: Seg[] = [];
  let recent: TcpPacket[] = []; // packets a copy could still follow: none from the other direction since
  let duplicates = 0;
  for (const { packet, fromClient } of packets) {
    const original = captureDuplicateOf(packet, recent);
    if (original) {
      duplicates++;
      segs.find((s) => s.packet === original)?.after.push(t('capture.note.duplicate', { packet: packet.number, original: original.number }));
      continue;
    }
    // a packet of the other direction in between makes an identical packet a new one (a second duplicate ACK)
    recent = recent.filter((q) => q.src === packet.src && q.sport === packet.sport);
    recent.push(packet); if (recent.length > 8) recent.shift();
    segs.push({ packet, from: fromClient ? 0 : 1, notes: [], after: [] });
  }

  // 2. the handshake: ISNs, window scales, initial states
  const clientSyn = segs.find((s) => s.from === 0 && (s.packet.flags & (SYN | ACK)) === SYN);
  const synAck = segs.find((s) => s.from === 1 && (s.packet.flags & (SYN | ACK)) === (SYN | ACK));
  if (!clientSyn && synAck) { // the capture started between SYN and SYN+ACK: write the SYN it implies
    const p = synAck.packet;
    const syn: TcpPacket = { ...p, number: 0, src: p.dst, dst: p.src, srcId: p.dstId, dstId: p.srcId, sport: p.dport, dport: p.sport, seq: (p.ack - 1) >>> 0, ack: 0, flags: SYN, length: 0, options: {}, window: 0 };
    segs.splice(segs.indexOf(synAck), 0, { packet: syn, from: 0, notes: [t('capture.note.synthetic')], after: [], synthetic: true });
  }
  const syn = clientSyn ?? segs.find((s) => s.synthetic);
  const mid = !syn && !synAck;
  const firstSeq = (from: 0 | 1): number | undefined => {
    const own = segs.find((s) => s.from === from && !s.packet.seqImplied) ?? segs.find((s) => s.from === from);
    if (own) return own.packet.seq;
    const peerAck = segs.find((s) => s.from !== from && s.packet.flags & ACK);
    return peerAck?.packet.ack;
  };
  const base: [number | undefined, number | undefined] = mid ? [firstSeq(0), firstSeq(1)] : [syn?.packet.seq, synAck?.packet.seq];
  if (mid) sentBeforeCapture(segs, base);
  const symbols = mid ? ['u', 'v'] : ['x', 'y'];
  const shifts = [syn?.packet.options.wscale, synAck?.packet.options.wscale].map((s) => (s === undefined ? s : Math.min(s, 14))); // RFC 7323 2.3: at most 14
  const scaled = shifts[0] !== undefined && shifts[1] !== undefined;
  const refused = !!syn && !synAck && segs.some((s) => s.from === 1 && s.packet.flags & RST);

  const value = (v: number, space: 0 | 1): string => {
    const b = base[space];
    if (numbers === 'absolute' || b === undefined) return String(v >>> 0);
    const offset = (v - b + (mid && numbers === 'relative' ? 1 : 0)) >>> 0;
    if (numbers === 'relative') return String(offset);
    return offset === 0 ? symbols[space] : `${symbols[space]}+${offset}`;
  };

  // 3. notes: retransmissions, gaps, windows, options, times
  // the first packet with a time (a tcpdump line may have none, or a damaged one)
  const start = segs.find((s) => !s.synthetic && Number.isFinite(s.packet.sec))?.packet;
  const highest: [number | undefined, number | undefined] = [mid ? base[0] : undefined, mid ? base[1] : undefined];
  const sizes = [new Map<number, number>(), new Map<number, number>()]; // payload sizes each end has sent, counted
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i], p = s.packet;
    const occupies = !(p.flags & RST) && (p.length > 0 || (p.flags & (SYN | FIN)) !== 0);
    if (s.synthetic) {
      if (occupies && !s.lost) highest[s.from] = seqEnd(p);
      continue;
    }
    const h = highest[s.from];
    if (occupies && h !== undefined && !(p.flags & SYN)) {
      if (!seqGE(p.seq, h)) s.notes.push(t('capture.note.retransmission'));
      else if (p.seq !== h) { // octets the capture never saw: lost before the capture point, in segments as large as the sender's
        const gap = (p.seq - h) >>> 0, typical = typicalSize(sizes[s.from]) || p.length || gap;
        const size = gap / typical > MAX_LOST_PIECES ? gap : typical; // an absurd gap (a damaged capture) stays one segment
        for (let at = 0; at < gap; at += size) {
          const lost: TcpPacket = { ...p, number: 0, seq: (h + at) >>> 0, length: Math.min(size, gap - at), flags: p.flags & ACK, options: {} };
          segs.splice(i++, 0, { packet: lost, from: s.from, notes: at === 0 ? [t('capture.note.gap', { octets: gap })] : [], after: [], synthetic: true, lost: true });
        }
      }
    } else if (p.flags & SYN && h !== undefined) s.notes.push(t('capture.note.retransmission'));
    if (occupies && (h === undefined || seqGE(seqEnd(p), h))) highest[s.from] = seqEnd(p);
    if (p.length > 0) sizes[s.from].set(p.length, (sizes[s.from].get(p.length) ?? 0) + 1);
    if (!(p.flags & RST) && p.window === 0) s.notes.push(t('capture.note.zeroWindow'));
    if (mid && !(p.flags & RST)) s.notes.push(t('capture.note.rawWindow', { window: p.window }));
  }

  // 4. what was in flight
  const events = reconstructFlight(segs, {
    mayBeInFlight: side === 'auto' ? [true, true] : side === 'client' ? [true, false] : [false, true],
    rcvNxt: mid ? [base[0], base[1]] : [undefined, undefined],
  });
  const counters = [0, 0];
  for (const s of segs) { counters[s.from]++; s.id = `${s.from === 0 ? 'c' : 's'}${counters[s.from]}`; }

  // 5. the text
  const names = ['client', 'server'] as const;
  const out: string[] = [];
  const inferred = inferSide(summary, syn, synAck, segs);
  const head = (text: Text) => out.push(`# ${say(text)}`);
  head(t('capture.out.source', { file: options.source ?? '-', index: summary.index, total: options.total ?? 1, packets: summary.packets, first: summary.firstPacket, last: summary.lastPacket }));
  head(t(`capture.out.side.${inferred}`));
  if (mid) head(t('capture.out.midConnection'));
  if (scaled) head(t('capture.out.windowScale', { client: shifts[0]!, server: shifts[1]! }));
  else if (!mid && synAck) head(t('capture.out.noWindowScale'));
  if (mid) head(t('capture.out.windowUnknown'));
  if (duplicates) head(t('capture.out.duplicates', { count: duplicates }));
  const flights = events.filter((e) => e.kind === 'send' && e.inFlight).length;
  if (flights) head(t('capture.out.inFlight', { count: flights }));
  out.push(`title ${addressLabel(summary.client)} → ${addressLabel(summary.server)}`);
  const label = (i: 0 | 1) => ` as "${addressLabel(i === 0 ? summary.client : summary.server)}"`;
  if (mid) {
    out.push(`endpoint client ESTABLISHED snd=${value(base[0] ?? 0, 0)} rcv=${value(base[1] ?? 0, 1)}${label(0)}`);
    out.push(`endpoint server ESTABLISHED snd=${value(base[1] ?? 0, 1)} rcv=${value(base[0] ?? 0, 0)}${label(1)}`);
  } else {
    out.push(`endpoint client${label(0)}`);
    out.push(`endpoint server${refused ? '' : ' LISTEN'}${label(1)}`);
  }

  let section = '';
  const enterSection = (p: TcpPacket): void => {
    let next: string;
    if (section === 'teardown' || p.flags & (FIN | RST)) next = 'teardown';
    else if (p.flags & SYN) next = 'handshake';
    else if (section === 'handshake' && p.length === 0) next = section;
    else next = 'data';
    if (next === section) return;
    section = next;
    out.push('', `== ${say(t(`capture.section.${next}`))} ==`);
  };

  for (const e of events) {
    if (e.kind === 'deliver') { out.push(`deliver ${e.segs.map((s) => s.id).join(', ')}`); continue; }
    const s = e.seg, p = s.packet, from = s.from, to = (1 - from) as 0 | 1;
    enterSection(p);
    const fields = [`seq=${value(p.seq, from)}`];
    if (p.flags & ACK) fields.push(`ack=${value(p.ack, to)}`);
    if (p.length > 0) fields.push(`len=${p.length}`);
    const win = p.flags & RST || mid ? undefined : p.flags & SYN || !scaled ? p.window : p.window * 2 ** shifts[from]!;
    if (win !== undefined && (!s.synthetic || s.lost)) fields.push(`win=${win}`);
    if (e.inFlight) fields.push(`id=${s.id}`);
    const arrow = s.lost ? '-x' : e.inFlight ? '~>' : '->';
    const line = `${names[from]} ${arrow} ${names[to]}: ${flagWords(p.flags)} ${fields.join(' ')}`;
    const comment = [...(s.synthetic ? [] : [say(t('capture.note.packet', { packet: p.number }))]),
      ...(start && !s.synthetic && Number.isFinite(p.sec) && Number.isFinite(p.nsec) ? [`+${elapsed(start, p)}`] : []),
      ...s.notes.map(say)];
    const opts = optionWords(p, (v) => value(v, to));
    if (opts.length) comment.push(opts.join(', '));
    out.push(comment.length ? `${line.padEnd(COMMENT_COLUMN)} # ${comment.join(' · ')}` : line);
    for (const a of s.after) out.push(`# ${say(a)}`);
  }
  return { text: out.join('\n') + '\n', side: inferred, duplicates, inFlight: flights, midConnection: mid };
}

/**
 * A capture that starts mid-connection can begin while octets sent before it are still unacknowledged:
 * the peer's first ack is below the sender's first seq. Those octets are written as one segment sent
 * before the capture (in flight until the peer's ack shows it arrived), and the sender starts at the ack.
 */
function sentBeforeCapture(segs: Seg[], base: [number | undefined, number | undefined]): void {
  const earlier: Seg[] = [];
  for (const from of [0, 1] as const) {
    const own = base[from], peerAck = segs.find((s) => s.from !== from && s.packet.flags & ACK)?.packet.ack;
    const first = segs.find((s) => s.from === from);
    if (own === undefined || peerAck === undefined || !first) continue;
    const missing = (own - peerAck) >>> 0;
    if (missing === 0 || missing >= 0x40000000) continue; // the peer acknowledges at or past it: nothing missing
    base[from] = peerAck;
    earlier.push({ packet: { ...first.packet, number: 0, seq: peerAck, length: missing, flags: ACK, options: {}, seqImplied: false }, from, notes: [t('capture.note.beforeCapture', { octets: missing })], after: [], synthetic: true });
  }
  for (const e of earlier) e.packet.ack = base[(1 - e.from) as 0 | 1] ?? e.packet.ack;
  segs.unshift(...earlier);
}

/** The payload size an end sends most (its MSS in a bulk transfer); 0 when it has sent none. */
function typicalSize(counts: Map<number, number>): number {
  let best = 0, most = 0;
  for (const [size, n] of counts) if (n > most || (n === most && size > best)) { best = size; most = n; }
  return best;
}

/** Flags in tcpseq words, ACK last as textbooks write them: SYN+ACK, FIN+ACK, PSH+ACK, RST+ACK. */
export function flagWords(flags: number): string {
  const words: string[] = [];
  for (const [bit, word] of [[SYN, 'SYN'], [FIN, 'FIN'], [RST, 'RST'], [PSH, 'PSH'], [URG, 'URG'], [ECE, 'ECE'], [CWR, 'CWR'], [ACK, 'ACK']] as const) {
    if (flags & bit) words.push(word);
  }
  return words.join('+');
}

function optionWords(p: TcpPacket, peerValue: (v: number) => string): string[] {
  const o = p.options, w: string[] = [];
  if (o.mss !== undefined) w.push(`mss ${o.mss}`);
  if (o.sackPermitted) w.push('sackOK');
  if (o.wscale !== undefined) w.push(`wscale ${o.wscale}`);
  if (o.sack?.length) w.push(`sack ${o.sack.map(([l, r]) => `${peerValue(l)}..${peerValue(r)}`).join(' ')}`);
  if (o.tsVal !== undefined) w.push(`TS val ${o.tsVal} ecr ${o.tsEcr ?? 0}`);
  return w;
}

function elapsed(start: TcpPacket, p: TcpPacket): string {
  const ns = (p.sec - start.sec) * 1e9 + (p.nsec - start.nsec);
  const digits = Math.max(start.precision, p.precision) >= 9 ? 9 : 6;
  return (ns / 1e9).toFixed(digits);
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Where the capture was taken: loopback (both ends on this host), or near the end that answers fastest.
 * A capture near A sees A answer B's segments at once (they are recorded as they reach A) and B answer
 * A's after a round trip. Samples: the handshake (SYN -> SYN+ACK is the server answering, SYN+ACK -> ACK
 * the client) and every segment with data or FIN -> the first segment of the other end that acknowledges
 * it. The end whose median answer is at least twice as fast is the one near the capture.
 */
export function inferSide(summary: ConnectionSummary, syn: Seg | undefined, synAck: Seg | undefined, segs: readonly Seg[]): InferredSide {
  if (summary.client.addr === summary.server.addr || (LOOPBACK.test(summary.client.addr) && LOOPBACK.test(summary.server.addr))) return 'loopback';
  const answers: [number[], number[]] = [[], []]; // answers[e]: how long end e took to answer the other's segments
  const real = segs.filter((s) => !s.synthetic && !Number.isNaN(s.packet.sec));
  for (let i = 0; i < real.length; i++) {
    const p = real[i].packet;
    if (p.flags & RST || (p.length === 0 && !(p.flags & (SYN | FIN)))) continue;
    const end = seqEnd(p), from = real[i].from;
    for (let j = i + 1; j < real.length && j < i + 64; j++) {
      const q = real[j];
      if (q.from === from || !(q.packet.flags & ACK) || !seqGE(q.packet.ack, end)) continue;
      answers[q.from].push(time(q.packet) - time(p));
      break;
    }
  }
  const median = (xs: number[]) => { const v = xs.filter((x) => x >= 0).sort((a, b) => a - b); return v.length ? v[v.length >> 1] : NaN; };
  const [client, server] = [median(answers[0]), median(answers[1])];
  if (!(client >= 0) || !(server >= 0)) return 'unknown';
  if (client * 2 <= server) return 'client';
  if (server * 2 <= client) return 'server';
  return 'unknown';
}
