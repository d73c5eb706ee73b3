// Receiving (contract 4.2): checked against the receiver's state when the segment is delivered. A segment
// whose own line has an error gets no receive-side warning (4.4); what it does to the receiver still happens.
import { t } from '../i18n/format.ts';
import type { Text } from '../i18n/types.ts';
import { add, distance, equal, less, lessOrEqual, type Value } from '../sequence.ts';
import type { TcpState } from '../syntax/syntax.ts';
import { blind, notKnownYet, type Context } from './context.ts';
import { oweRst } from './lookahead.ts';
import type { OwedRst, Tcb, Where } from './tcb.ts';
import { flagText, segmentLength, type Wire } from './wire.ts';

/** What the receiver did with a segment, for the message of a slip (4.4). */
export interface Outcome { kind: 'rst' | 'drop' | 'ack-drop' | 'take' | 'duplicate'; before: TcpState; after: TcpState }

export function receive(ctx: Context, r: Tcb, w: Wire, at: Where): Outcome {
  const before = r.state;
  const kind = dispatch(ctx, r, w, at);
  return { kind, before, after: r.state };
}

function dispatch(ctx: Context, r: Tcb, w: Wire, at: Where): Outcome['kind'] {
  switch (r.state) {
    case 'CLOSED': return w.rst ? 'drop' : owe(ctx, r, w, at, 'closed');
    case 'LISTEN': return inListen(ctx, r, w, at);
    case 'SYN_SENT': return inSynSent(ctx, r, w, at);
    default: return synchronized(ctx, r, w, at);
  }
}

function owe(ctx: Context, r: Tcb, w: Wire, at: Where, why: OwedRst['why']): 'rst' {
  oweRst(ctx, r, w, at, why);
  return 'rst';
}

function ignored(ctx: Context, r: Tcb, w: Wire, at: Where, why: Text, kind: 'drop' | 'ack-drop' = 'drop'): 'drop' | 'ack-drop' {
  if (!w.sendError) {
    ctx.report({ code: 'ignored-segment', range: at.range, segment: w.index, text: t('ignored-segment', { endpoint: r.name, state: r.state, flags: flagText(w), why }), params: { endpoint: r.name, state: r.state, flags: flagText(w) } });
  }
  return kind;
}

function enter(r: Tcb, state: TcpState, at: Where): void { r.state = state; r.stateSince = at; }

function inListen(ctx: Context, r: Tcb, w: Wire, at: Where): Outcome['kind'] {
  if (w.rst) return 'drop'; // ignored, silently
  if (w.ack) return owe(ctx, r, w, at, 'listen-ack');
  if (!w.syn) return ignored(ctx, r, w, at, t('why.listenWaits'));
  acceptSyn(ctx, r, w, at);
  r.openedFromListen = true;
  enter(r, 'SYN_RECEIVED', at);
  return 'take';
}

function acceptSyn(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  r.irs = w.seq!;
  r.rcvNxt = add(w.seq!, 1); // data on a SYN is never taken
  r.rcvNxtSince = at;
  ctx.expectAck(r, w.seq!, 'SYN', w, at);
}

function acceptable(r: Tcb, ack: Value | undefined): boolean {
  if (blind(r.sndNxt, ack)) return true; // a value no line wrote is not checked
  return ack !== undefined && r.sndUna !== undefined && r.sndNxt !== undefined && less(r.sndUna, ack) && lessOrEqual(ack, r.sndNxt);
}

function inSynSent(ctx: Context, r: Tcb, w: Wire, at: Where): Outcome['kind'] {
  if (w.ack && !acceptable(r, w.ackValue)) {
    if (w.rst) return ignored(ctx, r, w, at, t('why.unacceptableAck', { endpoint: r.name, ack: ctx.val(w.ackValue), nxt: ctx.val(r.sndNxt) }));
    return owe(ctx, r, w, at, 'syn-sent-ack');
  }
  if (w.rst) {
    if (!w.ack) return ignored(ctx, r, w, at, t('why.rstNoAckSynSent'));
    r.reset('CLOSED');
    r.forgot = true;
    ctx.forget(r);
    r.stateSince = at;
    return 'take';
  }
  if (w.syn) {
    acceptSyn(ctx, r, w, at);
    if (w.ack) {
      if (w.win !== undefined) r.sndWnd = w.win;
      r.sndUna = w.ackValue;
      enter(r, 'ESTABLISHED', at);
    } else {
      enter(r, 'SYN_RECEIVED', at); // simultaneous open
    }
    return 'take';
  }
  return ignored(ctx, r, w, at, t('why.synSentWaits', { endpoint: r.name }));
}

function synchronized(ctx: Context, r: Tcb, w: Wire, at: Where): Outcome['kind'] {
  const rcvNxt = r.rcvNxt;
  const seq = w.seq!;
  if (rcvNxt === undefined || blind(rcvNxt, seq)) return unknownNumbers(ctx, r, w, at);
  const rel = distance(seq, rcvNxt);
  if (rel === undefined) return ignored(ctx, r, w, at, t('why.seqNotComparable', { endpoint: r.name, seq: ctx.val(seq) }));
  const synOfPeer = w.syn && equal(seq, r.irs);
  const synOther = w.syn && !synOfPeer;
  // 1. the sequence check
  const duplicate = !synOther && (synOfPeer || (rel < 0 && rel + segmentLength(w) <= 0));
  if (!w.rst && !synOther) {
    if (duplicate) ctx.report({ code: 'duplicate-segment', range: at.range, segment: w.index, text: t('duplicate-segment', { endpoint: r.name, flags: flagText(w), seq: ctx.val(seq), rcvNxt: ctx.val(rcvNxt) }), params: { endpoint: r.name, seq: ctx.plain(seq), rcvNxt: ctx.plain(rcvNxt) } });
    else if (rel > 0) ctx.report({ code: 'out-of-order', range: at.range, segment: w.index, text: t('out-of-order', { endpoint: r.name, seq: ctx.val(seq), rcvNxt: ctx.val(rcvNxt) }), params: { endpoint: r.name, seq: ctx.plain(seq), rcvNxt: ctx.plain(rcvNxt) } });
  }
  // 2. RST
  if (w.rst) {
    if (rel !== 0) return ignored(ctx, r, w, at, t('why.rstNotAtRcvNxt', { rcvNxt: ctx.val(rcvNxt), seq: ctx.val(seq) }));
    const back = r.state === 'SYN_RECEIVED' && r.openedFromListen ? 'LISTEN' : 'CLOSED';
    r.reset(back);
    r.forgot = true;
    ctx.forget(r);
    r.stateSince = at;
    return 'take';
  }
  // 3. a SYN other than the peer's: challenge ACK, nothing changes
  if (synOther) {
    ctx.report({ code: 'challenge-ack', range: at.range, segment: w.index, text: t('challenge-ack', { endpoint: r.name, state: r.state, seq: ctx.val(seq), snd: ctx.val(r.sndNxt), rcv: ctx.val(rcvNxt) }), params: { endpoint: r.name, seq: ctx.plain(seq) } });
    return 'ack-drop';
  }
  // 4. no ACK: dropped (a duplicate of the peer's SYN silently)
  if (!w.ack) return synOfPeer ? 'duplicate' : ignored(ctx, r, w, at, t('why.noAck'));
  // 5. the ACK field
  const ackResult = processAck(ctx, r, w, at);
  if (ackResult !== 'go') return ackResult;
  // 6, 7. data and FIN
  if (duplicate) return 'duplicate';
  if (rel > 0) { queue(r, w); return 'take'; }
  takeInOrder(ctx, r, w, at);
  return 'take';
}

/** An ESTABLISHED receiver whose RCV.NXT no line has written yet: its seq is not checked, its ACK is (2.2, 4.4). */
function unknownNumbers(ctx: Context, r: Tcb, w: Wire, at: Where): Outcome['kind'] {
  if (w.rst) { r.reset('CLOSED'); r.forgot = true; ctx.forget(r); r.stateSince = at; return 'take'; }
  if (w.syn || !w.ack) return 'drop';
  const go = processAck(ctx, r, w, at);
  return go === 'go' ? 'take' : go;
}

/** Step 5. Returns 'go' when the segment goes on to its data and FIN. */
function processAck(ctx: Context, r: Tcb, w: Wire, at: Where): 'go' | Outcome['kind'] {
  const ack = w.ackValue;
  if (notKnownYet(ack) || blind(r.sndNxt, ack)) { // a value no line has written is never checked (4.4)
    if (r.state === 'SYN_RECEIVED') enter(r, 'ESTABLISHED', at);
    return 'go';
  }
  if (r.state === 'SYN_RECEIVED') {
    // before it sent its SYN (a SYN+ACK, or the SYN of a simultaneous open) nothing can be acknowledged
    if ((!r.synAckSent && r.iss === undefined) || !acceptable(r, ack)) return owe(ctx, r, w, at, 'syn-received-ack');
  } else if (r.sndNxt !== undefined) {
    const d = ack === undefined ? undefined : distance(ack, r.sndNxt);
    if (d === undefined) return ignored(ctx, r, w, at, t('why.ackNotComparable', { endpoint: r.name, ack: ctx.val(ack) }), 'ack-drop');
    if (d > 0) return ignored(ctx, r, w, at, t('why.ackAboveSndNxt', { endpoint: r.name, ack: ctx.val(ack), nxt: ctx.val(r.sndNxt) }), 'ack-drop');
  }
  if (ack === undefined || r.sndNxt === undefined) return 'go';
  if (w.win !== undefined && (r.sndUna === undefined || lessOrEqual(r.sndUna, ack))) r.sndWnd = w.win;
  if (r.sndUna === undefined || less(r.sndUna, ack)) r.sndUna = ack;
  const finAcked = r.finSeq !== undefined && less(r.finSeq, r.sndUna!);
  if (r.state === 'SYN_RECEIVED') enter(r, 'ESTABLISHED', at);
  else if (r.state === 'FIN_WAIT_1' && finAcked) enter(r, 'FIN_WAIT_2', at);
  else if (r.state === 'CLOSING' && finAcked) enter(r, 'TIME_WAIT', at);
  else if (r.state === 'LAST_ACK' && finAcked) { r.reset('CLOSED'); r.stateSince = at; return 'take'; }
  return 'go';
}

/** The most the receiver takes: RCV.NXT + the window it last advertised (4.2 step 6). */
function windowEnd(r: Tcb, w: Wire): Value | undefined {
  if (r.rcvWnd === undefined || w.pastWindow || r.rcvNxt === undefined) return undefined;
  return add(r.rcvNxt, r.rcvWnd);
}

function queue(r: Tcb, w: Wire): void {
  const start = w.seq!;
  let end = add(start, w.len);
  let fin = w.fin;
  const limit = windowEnd(r, w);
  if (limit !== undefined && less(limit, end)) { end = less(start, limit) ? limit : start; fin = false; }
  if (equal(start, end) && !fin) return;
  r.outOfOrder.push({ start, end: fin ? add(end, 1) : end, fin });
}

function takeInOrder(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  const rcvNxt = r.rcvNxt!;
  const dataEnd = add(w.seq!, w.len);
  let taken = dataEnd;
  const limit = windowEnd(r, w);
  if (limit !== undefined && less(limit, dataEnd)) taken = limit;
  if (less(rcvNxt, taken)) { r.rcvNxt = taken; r.rcvNxtSince = at; }
  if (w.fin && equal(dataEnd, r.rcvNxt)) acceptFin(ctx, r, w, dataEnd, at); // a FIN after octets not taken is not taken
  drainQueue(ctx, r, w, at);
}

/** Step 7: a FIN in order. */
function acceptFin(ctx: Context, r: Tcb, w: Wire, finSeq: Value, at: Where): void {
  r.rcvNxt = add(finSeq, 1);
  r.rcvNxtSince = at;
  ctx.expectAck(r, finSeq, 'FIN', w, at);
  switch (r.state) {
    case 'SYN_RECEIVED': case 'ESTABLISHED': enter(r, 'CLOSE_WAIT', at); break;
    case 'FIN_WAIT_1': enter(r, r.finSeq !== undefined && r.sndUna !== undefined && less(r.finSeq, r.sndUna) ? 'TIME_WAIT' : 'CLOSING', at); break;
    case 'FIN_WAIT_2': enter(r, 'TIME_WAIT', at); break;
    default: break; // a repeated FIN changes nothing
  }
}

/** Octets queued out of order count once the gap before them is filled (not limited again). */
function drainQueue(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  let progressed = true;
  while (progressed && r.outOfOrder.length) {
    progressed = false;
    for (let i = 0; i < r.outOfOrder.length; i++) {
      const q = r.outOfOrder[i];
      const startRel = distance(q.start, r.rcvNxt!);
      if (startRel === undefined || startRel > 0) continue;
      r.outOfOrder.splice(i, 1);
      progressed = true;
      const dataEnd = q.fin ? add(q.end, -1) : q.end;
      if (less(r.rcvNxt!, dataEnd)) { r.rcvNxt = dataEnd; r.rcvNxtSince = at; }
      if (q.fin && equal(dataEnd, r.rcvNxt)) acceptFin(ctx, r, w, dataEnd, at);
      break;
    }
  }
}
