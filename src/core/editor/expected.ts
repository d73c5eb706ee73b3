// What the validator expects on a line: the seq and ack a segment from a given sender should carry,
// printed the way the file writes numbers (symbolic `x+1` or plain `1001`).
import type { Analysis, SegmentResult, TcbSnapshot } from '../analysis.ts';
import { t } from '../i18n/format.ts';
import type { Text } from '../i18n/types.ts';
import { add, concrete, formatPlain, type Value } from '../sequence.ts';
import type { EndpointStatement, Expr, TcpState } from '../syntax/syntax.ts';
import { endpointIndex, stepBefore } from './positions.ts';

const SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Symbol names textbooks use, in the order they usually appear (ISS of each side, then close time). */
const CONVENTIONAL = ['x', 'y', 'u', 'v', 'w', 'z', 'a', 'b', 'c', 'd'];

export interface ExpectedValue {
  /** Text to write in the file (`x+1`, `1001`, or a fresh symbol such as `y`). */
  text: string;
  /** Why this is the value (a message: format it in the user's language). */
  why: Text;
  /** True when any value is right (a SYN chooses the ISS); `text` is then a suggestion. */
  free: boolean;
}

/** The segment statement on a line, with its result. */
export function segmentAtLine(analysis: Analysis, line: number): SegmentResult | undefined {
  const list = analysis.segments;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = list[mid].statement.line;
    if (l === line) return list[mid];
    if (l < line) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

/**
 * Prints a value with the symbols bound before `line` only (a symbol bound on the line itself would
 * explain the value by itself). A value whose base cannot be written (an ISS the file never named)
 * is undefined.
 */
export function formatBefore(analysis: Analysis, value: Value, line: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  if (value.base !== undefined) {
    for (const b of analysis.symbols.values()) {
      if (b.line >= line || b.value.base !== value.base) continue;
      const d = (value.off - b.value.off) >>> 0;
      if (d < 0x1000_0000 && d <= bestDistance) { best = b.name; bestDistance = d; }
    }
  }
  if (best !== undefined) return bestDistance === 0 ? best : `${best}+${bestDistance}`;
  if (value.base !== undefined && !SYMBOL.test(value.base)) return undefined;
  return formatPlain(value);
}

/**
 * A value as the user reads it at `line`: in the file's symbols known there, else in the file's notation,
 * else `?` for a number the file has not named (an internal unknown: its name is never shown).
 */
export function displayValue(analysis: Analysis, value: Value, line: number): string {
  const before = formatBefore(analysis, value, line);
  if (before !== undefined) return before;
  return value.base === undefined || SYMBOL.test(value.base) ? analysis.format(value) : '?';
}

/** A symbol name not bound anywhere but on `line` itself, and not an endpoint's name. */
export function freshSymbol(analysis: Analysis, line: number, avoid: readonly string[] = []): string {
  const taken = new Set<string>(avoid);
  for (const b of analysis.symbols.values()) if (b.line !== line) taken.add(b.name);
  for (const e of analysis.endpoints) taken.add(e.name);
  for (const c of CONVENTIONAL) if (!taken.has(c)) return c;
  for (let i = 1; ; i++) if (!taken.has(`iss${i}`)) return `iss${i}`;
}

/** The file writes numbers rather than symbols (no symbol anywhere, some seq/ack written). */
export function isNumericFile(analysis: Analysis): boolean {
  if (analysis.symbols.size > 0) return false;
  return analysis.segments.some((s) => s.statement.seq !== undefined || s.statement.ack !== undefined);
}

/** A round ISS for numeric files that no segment uses yet. */
function freshNumber(analysis: Analysis): string {
  const used = new Set<number>();
  for (const s of analysis.segments) if (s.statement.seq && !s.statement.seq.symbol) used.add(s.statement.seq.offset);
  for (let n = 1000; ; n += 4000) if (![...used].some((u) => u >= n && u < n + 4000)) return String(n);
}

function free(analysis: Analysis, line: number, why: Text): ExpectedValue {
  return { text: isNumericFile(analysis) ? freshNumber(analysis) : freshSymbol(analysis, line), why, free: true };
}

/**
 * Writes a value; an unnameable base (the ISS of a SYN written without seq) gets a fresh symbol,
 * which the validator then binds to it (`ack=x+1` binds x).
 */
function written(analysis: Analysis, value: Value, line: number, why: Text): ExpectedValue {
  const text = formatBefore(analysis, value, line);
  if (text !== undefined) return { text, why, free: false };
  const name = freshSymbol(analysis, line);
  const off = value.off | 0;
  return { text: off === 0 ? name : off > 0 ? `${name}+${off}` : `${name}-${-off}`, why: t('editor.why.unnamed', { why, symbol: name }), free: false };
}

export interface SenderContext {
  index: number;
  name: string;
  /** State and TCB when the line starts. */
  state: TcpState;
  tcb?: TcbSnapshot;
}

/** The sender's state and TCB when `line` starts. */
export function senderBefore(analysis: Analysis, name: string, line: number): SenderContext | undefined {
  const index = endpointIndex(analysis, name);
  if (index < 0) return undefined;
  const step = stepBefore(analysis, line);
  return { index, name, state: step?.states[index] ?? analysis.endpoints[index].initial, tcb: tcbBefore(analysis, line, index) };
}

/** Which kind of segment is being written, from its flags. */
export interface FlagsSeen { syn: boolean; ack: boolean; rst: boolean }

/**
 * The seq the validator expects on `line` from `sender`. An existing segment's own expectation
 * (SegmentResult.expectedSeq) wins; otherwise it is derived from the sender's TCB.
 */
export function expectedSeq(analysis: Analysis, line: number, sender: string, flags: FlagsSeen): ExpectedValue | undefined {
  const res = segmentAtLine(analysis, line);
  const ctx = senderBefore(analysis, sender, line);
  if (res?.statement.old) return undefined; // an old duplicate's seq is from another incarnation: any value
  const tcb = ctx?.tcb;
  // A SYN that chooses the ISS: any value is right (whatever the validator noted as expected there).
  const choosesIss = (syn: boolean) => syn && ctx !== undefined && (ctx.state === 'CLOSED' || ctx.state === 'LISTEN' || (ctx.state === 'SYN_RECEIVED' && !tcb?.iss));
  if (notYetWritten(analysis, ctx, 'sndNxt')) return free(analysis, line, t('editor.why.establishedSeq', { endpoint: sender }));
  if (res && res.from >= 0 && analysis.endpoints[res.from]?.name === sender && !res.statement.unusable) {
    if (choosesIss(res.statement.flags.includes('SYN'))) return free(analysis, line, t('editor.why.iss', { endpoint: sender }));
    if (res.expectedSeq) return written(analysis, res.expectedSeq, line, seqWhy(ctx, flags));
    if (res.statement.flags.includes('SYN')) return free(analysis, line, t('editor.why.iss', { endpoint: sender }));
  }
  if (!ctx) return undefined;
  if (choosesIss(flags.syn)) return free(analysis, line, t('editor.why.iss', { endpoint: sender }));
  if (flags.syn && tcb?.iss) return written(analysis, tcb.iss, line, t('editor.why.synIss', { endpoint: sender }));
  if (tcb?.sndNxt) return written(analysis, tcb.sndNxt, line, seqWhy(ctx, flags));
  return undefined;
}

function seqWhy(ctx: SenderContext | undefined, flags: FlagsSeen): Text {
  const who = ctx?.name ?? '?';
  return flags.syn ? t('editor.why.synIss', { endpoint: who }) : t('editor.why.sndNxt', { endpoint: who });
}

/**
 * An endpoint that started ESTABLISHED without this number (2.2), before any line wrote it: any value is
 * right there, and the first one written sets it.
 */
function notYetWritten(analysis: Analysis, ctx: SenderContext | undefined, field: 'sndNxt' | 'rcvNxt'): boolean {
  if (!ctx || analysis.endpoints[ctx.index]?.initial !== 'ESTABLISHED' || ctx.state !== 'ESTABLISHED') return false;
  return ctx.tcb?.[field] === undefined;
}

/** The ack the validator expects on `line` from `sender`. */
export function expectedAck(analysis: Analysis, line: number, sender: string): ExpectedValue | undefined {
  const res = segmentAtLine(analysis, line);
  if (res?.statement.old) return undefined;
  if (notYetWritten(analysis, senderBefore(analysis, sender, line), 'rcvNxt')) return free(analysis, line, t('editor.why.establishedAck', { endpoint: sender }));
  if (res && res.from >= 0 && analysis.endpoints[res.from]?.name === sender && res.expectedAck) {
    return written(analysis, res.expectedAck, line, t('editor.why.rcvNxt', { endpoint: sender }));
  }
  const ctx = senderBefore(analysis, sender, line);
  if (ctx?.tcb?.rcvNxt) return written(analysis, ctx.tcb.rcvNxt, line, t('editor.why.rcvNxt', { endpoint: sender }));
  return undefined;
}


// ---- a connection that already exists (contract 2.2) ----

/** The numbers an endpoint declared ESTABLISHED starts with: SND.NXT, RCV.NXT, the window it advertised. */
export interface StartNumbers {
  snd?: Value;
  rcv?: Value;
  win?: number;
  /** Where each value comes from. */
  sndFrom?: 'declared' | 'peer' | 'segment';
  rcvFrom?: 'declared' | 'peer' | 'segment';
}

/** The `endpoint` statement that declares an endpoint. */
export function declarationOf(analysis: Analysis, name: string): EndpointStatement | undefined {
  for (const s of analysis.document.statements) if (s.kind === 'endpoint' && s.name.name === name) return s;
  return undefined;
}

/** The value of an EXPR on a declaration (a symbol as the validator bound it). */
function exprValue(analysis: Analysis, e: Expr | undefined): Value | undefined {
  if (!e) return undefined;
  if (e.symbol === undefined) return concrete(e.offset);
  const b = analysis.symbols.get(e.symbol);
  return b ? add(b.value, e.offset) : undefined;
}

/** The values taken by the validator, when the analysis carries them (EndpointInfo.snd/rcv/win). */
interface TakenNumbers { snd?: Value; rcv?: Value; win?: number }

/**
 * What an ESTABLISHED endpoint starts with (2.2): its own declaration, else the mirror of its peer's,
 * else the first segment that writes the value (a seq it sends, an ack its peer sends, not a SYN's, not an
 * `old` one's). Undefined for an endpoint that does not start ESTABLISHED.
 */
export function startNumbers(analysis: Analysis, index: number): StartNumbers | undefined {
  // Asked on every cursor move (status bar) and for every visible hint: computed once per analysis.
  let cached = START_CACHE.get(analysis);
  if (!cached) START_CACHE.set(analysis, (cached = []));
  if (!(index in cached)) cached[index] = computeStartNumbers(analysis, index);
  return cached[index];
}

const START_CACHE = new WeakMap<Analysis, (StartNumbers | undefined)[]>();

function computeStartNumbers(analysis: Analysis, index: number): StartNumbers | undefined {
  const e = analysis.endpoints[index];
  if (!e || e.initial !== 'ESTABLISHED') return undefined;
  const peer = analysis.endpoints[1 - index];
  const own = declarationOf(analysis, e.name);
  const other = peer ? declarationOf(analysis, peer.name) : undefined;
  const taken = e as unknown as TakenNumbers;
  const out: StartNumbers = {};
  const pick = (which: 'snd' | 'rcv') => {
    const mirror = which === 'snd' ? 'rcv' : 'snd';
    const fromTaken = taken[which];
    const declared = exprValue(analysis, own?.[which]);
    const fromPeer = exprValue(analysis, other?.[mirror]);
    if (declared) { out[which] = declared; out[`${which}From`] = 'declared'; } else if (fromPeer) { out[which] = fromPeer; out[`${which}From`] = 'peer'; } else {
      const seen = fromTaken ?? firstWritten(analysis, which === 'snd' ? index : 1 - index);
      if (seen) { out[which] = seen; out[`${which}From`] = 'segment'; }
    }
  };
  pick('snd');
  pick('rcv');
  out.win = taken.win ?? own?.win;
  return out;
}

/** The first SND.NXT of `sender` a segment writes: a seq it sends or an ack its peer sends (2.2). */
function firstWritten(analysis: Analysis, sender: number): Value | undefined {
  for (const r of analysis.segments) {
    const st = r.statement;
    if (st.old || st.unusable || st.flags.includes('SYN')) continue;
    if (r.from === sender && st.seq && r.seq) return r.seq;
    if (r.to === sender && r.from >= 0 && st.ack && r.ack) return r.ack;
  }
  return undefined;
}

/** `snd=42 rcv=79 win=100` in the file's notation (`?` for a value no line has written yet). */
export function startText(analysis: Analysis, n: StartNumbers): string {
  const v = (x: Value | undefined) => (x === undefined ? '?' : formatBefore(analysis, x, Number.MAX_SAFE_INTEGER) ?? '?');
  return `snd=${v(n.snd)} rcv=${v(n.rcv)}${n.win !== undefined ? ` win=${n.win}` : ''}`;
}

/**
 * An endpoint's TCB when `line` starts: the last step's, or before any event the one it starts with (for an
 * ESTABLISHED start: SND.UNA = SND.NXT = snd, RCV.NXT = rcv, SND.WND = the peer's declared `win`).
 */
export function tcbBefore(analysis: Analysis, line: number, index: number): TcbSnapshot | undefined {
  const step = stepBefore(analysis, line);
  if (step) return step.tcbs[index];
  const e = analysis.endpoints[index];
  if (!e) return undefined;
  const n = startNumbers(analysis, index);
  if (!n) return { state: e.initial, outOfOrder: [] };
  const peer = analysis.endpoints[1 - index];
  const peerWin = peer ? startNumbers(analysis, 1 - index)?.win : undefined;
  const tcb: TcbSnapshot = { state: e.initial, sndUna: n.snd, sndNxt: n.snd, rcvNxt: n.rcv, outOfOrder: [] };
  if (peerWin !== undefined) tcb.sndWnd = peerWin;
  if (n.win !== undefined) tcb.rcvWnd = n.win;
  return tcb;
}
