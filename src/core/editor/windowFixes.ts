// Quick fixes for `window-exceeded` (contract 4.1, window): shorten the segment to the usable window, or
// split it into a segment that fits and the rest on a new line whose seq follows. In a zero window, one
// octet is a zero-window probe (RFC 9293 3.8.6.1).
import type { Analysis, Diagnostic, SegmentResult } from '../analysis.ts';
import type { Lang } from '../i18n/types.ts';
import { distance, type Value } from '../sequence.ts';
import type { SegmentStatement } from '../syntax/syntax.ts';
import { tr } from './completionTables.ts';
import { windowOf } from './hoverTopics.ts';
import { displayValue, tcbBefore } from './expected.ts';
import { lineText, range } from './positions.ts';

export interface WindowFix { title: string; edits: { range: ReturnType<typeof range>; newText: string }[]; preferred: boolean }

/** The octets still allowed: the diagnostic's `usable`, else SND.UNA + SND.WND − SND.NXT before the line. */
export function usableWindow(analysis: Analysis, d: Diagnostic, res: SegmentResult): { usable: number; wnd?: number } | undefined {
  const tcb = tcbBefore(analysis, res.statement.line, res.from);
  const wnd = typeof d.params.sndWnd === 'number' ? d.params.sndWnd : windowOf(tcb).snd;
  if (typeof d.params.usable === 'number') return { usable: Math.max(0, d.params.usable), wnd };
  if (wnd === undefined || !tcb?.sndUna || !tcb.sndNxt) return undefined;
  const inFlight = distance(tcb.sndNxt, tcb.sndUna);
  return inFlight === undefined ? undefined : { usable: Math.max(0, wnd - inFlight), wnd };
}

/** The first `octets` UTF-8 octets of a text, cut at a character boundary. */
export function utf8Prefix(text: string, octets: number): string {
  let n = 0;
  let out = '';
  for (const ch of text) {
    const size = new TextEncoder().encode(ch).length;
    if (n + size > octets) break;
    n += size;
    out += ch;
  }
  return out;
}

const quote = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function windowFixes(analysis: Analysis, text: string, d: Diagnostic, res: SegmentResult, lang: Lang): WindowFix[] {
  const st = res.statement;
  const w = usableWindow(analysis, d, res);
  if (!w || st.len <= 0) return [];
  const payload = st.fields.find((f) => f.name === (st.data !== undefined ? 'data' : 'len'));
  if (!payload) return [];
  const out: WindowFix[] = [];
  const payloadText = (octets: number) => (st.data !== undefined ? quote(utf8Prefix(st.data, octets)) : String(octets));
  if (w.usable > 0 && w.usable < st.len) {
    out.push({
      title: tr(lang, st.data !== undefined ? 'editor.fix.shortenData' : 'editor.fix.shortenLen', { usable: w.usable }),
      edits: [{ range: payload.valueRange, newText: payloadText(w.usable) }], preferred: true,
    });
    const split = splitFix(text, st, w.usable, payloadText, lang);
    if (split) out.push(split);
  } else if (w.usable === 0 && w.wnd === 0) {
    out.push({ title: tr(lang, 'editor.fix.probe'), edits: [{ range: payload.valueRange, newText: payloadText(1) }], preferred: false });
  }
  const wait = waitForAckFix(analysis, text, res, w.wnd, lang);
  if (wait) out.push({ ...wait, preferred: !out.some((f) => f.preferred) });
  return out;
}

/**
 * The usual answer of a window exercise: the peer acknowledges what it has received before the sender goes on,
 * which moves the window. Offered when that ACK would acknowledge something (the peer has received octets
 * the sender still counts as in flight). The new line goes above the segment.
 */
function waitForAckFix(analysis: Analysis, text: string, res: SegmentResult, wnd: number | undefined, lang: Lang): Omit<WindowFix, 'preferred'> | undefined {
  const st = res.statement;
  const peer = analysis.endpoints[res.to];
  const sender = analysis.endpoints[res.from];
  const mine = tcbBefore(analysis, st.line, res.from);
  const theirs = tcbBefore(analysis, st.line, res.to);
  if (!peer || !sender || !mine?.sndUna || !theirs?.sndNxt || !theirs.rcvNxt) return undefined;
  const acked = distance(theirs.rcvNxt, mine.sndUna);
  if (acked === undefined || acked <= 0) return undefined;
  const write = (v: Value) => displayValue(analysis, v, st.line);
  const win = windowOf(theirs).rcv ?? wnd;
  const line = lineText(text, st.line);
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const ack = `${peer.name} -> ${sender.name}: ACK seq=${write(theirs.sndNxt)} ack=${write(theirs.rcvNxt)}${win !== undefined ? ` win=${win}` : ''}`;
  const start = { line: st.line, character: 0 };
  return { title: tr(lang, 'editor.fix.waitForAck', { peer: peer.name, line: ack }), edits: [{ range: { start, end: start }, newText: `${indent}${ack}${text.includes('\r\n') ? '\r\n' : '\n'}` }] };
}

/**
 * The part that fits stays on the line (without its FIN and its assertions), and a new line below carries the
 * rest: same sender, receiver and flags, seq after the first part (left out when the line left it out: the
 * validator fills in SND.NXT), the same ack and win, and the assertions.
 */
function splitFix(text: string, st: SegmentStatement, usable: number, payloadText: (octets: number) => string, lang: Lang): WindowFix | undefined {
  if (st.arrow === '~>' || st.unsureFlags || st.flags.includes('SYN')) return undefined;
  const line = lineText(text, st.line);
  const first = [...st.flags].filter((f) => f !== 'FIN');
  const edits: WindowFix['edits'] = [];
  const rest = st.len - usable;
  const restPayload = st.data !== undefined ? quote(st.data!.slice(utf8Prefix(st.data!, usable).length)) : String(rest);
  const payloadField = st.data !== undefined ? 'data' : 'len';
  const payload = st.fields.find((f) => f.name === payloadField)!;
  // The first part: payload shortened, FIN left for the rest, assertions moved to the new line.
  if (first.length !== st.flags.length) edits.push({ range: st.flagsRange, newText: first.join('+') });
  edits.push({ range: payload.valueRange, newText: payloadText(usable) });
  let assertions = '';
  if (st.assertions.length) {
    const a0 = st.assertions[0].range.start.character;
    const arrowAt = line.lastIndexOf('=>', a0);
    const from = arrowAt >= 0 ? arrowAt : a0;
    let s = from;
    while (s > 0 && /\s/.test(line[s - 1]!)) s--;
    const end = st.assertions[st.assertions.length - 1].range.end.character;
    assertions = ` ${line.slice(from, end)}`;
    edits.push({ range: range(st.line, s, end), newText: '' });
  }
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const fields: string[] = [];
  if (st.seq) {
    const off = (st.seq.offset + usable) >>> 0;
    fields.push(`seq=${st.seq.symbol ? (off === 0 ? st.seq.symbol : `${st.seq.symbol}+${off}`) : off}`);
  }
  if (st.ack) fields.push(`ack=${st.ack.text}`);
  fields.push(`${payloadField}=${restPayload}`);
  if (st.win !== undefined) fields.push(`win=${st.win}`);
  const flagsText = line.slice(st.flagsRange.start.character, st.flagsRange.end.character);
  const next = `${indent}${st.src.name} ${st.arrow} ${st.dst.name}: ${flagsText} ${fields.join(' ')}${assertions}`;
  const eol = { line: st.line, character: line.length };
  edits.push({ range: { start: eol, end: eol }, newText: `${text.includes('\r\n') ? '\r\n' : '\n'}${next}` });
  return { title: tr(lang, 'editor.fix.split', { usable, rest }), edits, preferred: false };
}
