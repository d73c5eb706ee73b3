// Sending (contract 4.1): every rule is checked against the sender's state before the send.
import type { SegmentResult } from '../analysis.ts';
import { add, equal, less, lessOrEqual, type Value } from '../sequence.ts';
import { isSynchronized } from '../states.ts';
import type { Range } from '../syntax/syntax.ts';
import { Context, zero } from './context.ts';
import { reportMissedRst } from './lookahead.ts';
import type { Tcb, Where } from './tcb.ts';
import { flagText, segmentLength, type Wire } from './wire.ts';

export function send(ctx: Context, s: Tcb, w: Wire): void {
  const res = ctx.segments[w.index];
  const owed = s.owedRst;
  if (owed && !(w.rst && !w.syn)) reportMissedRst(ctx, s);
  if (w.rst) sendRst(ctx, s, w, res);
  else if (w.syn && !w.ack) sendSyn(ctx, s, w, res);
  else if (w.syn) sendSynAck(ctx, s, w, res);
  else sendInConnection(ctx, s, w, res);
  if (w.ack && w.ackValue) { s.lastAckSent = w.ackValue; ctx.acknowledged(s, w.ackValue); }
}

function seqRange(w: Wire): Range { return w.stmt.seq?.range ?? w.stmt.range; }
function ackRange(w: Wire): Range { return w.stmt.ack?.range ?? w.stmt.range; }

function related(at: Where | undefined, message: string) { return at ? [{ range: at.range, message }] : undefined; }

/** seq against an expected value; binds a new symbol to it. */
function expectSeq(ctx: Context, s: Tcb, w: Wire, res: SegmentResult, expected: Value | undefined, why: string): boolean {
  res.expectedSeq = expected;
  w.seq = res.seq = ctx.resolve(w.stmt, 'seq', expected, `ISS(${s.name})`);
  if (expected === undefined || equal(w.seq, expected)) return true;
  ctx.report({
    code: 'wrong-seq', range: seqRange(w), segment: w.index,
    message: `seq should be ${ctx.fmt(expected)}, ${why}; found ${ctx.fmt(w.seq)}`,
    params: { expected: ctx.fmt(expected), found: ctx.fmt(w.seq), endpoint: s.name },
    related: related(s.sndNxtSince, `${s.name}'s SND.NXT became ${ctx.fmt(s.sndNxt)} here`),
  });
  return false;
}

/** The ack field: with ACK it must be `expected`; without ACK it should not be there. */
function expectAck(ctx: Context, s: Tcb, w: Wire, res: SegmentResult, expected: Value | undefined, why: string): void {
  if (!w.ack) {
    if (w.stmt.hasAck) {
      w.ackValue = res.ack = ctx.resolve(w.stmt, 'ack', undefined);
      ctx.report({ code: 'ack-without-flag', range: ackRange(w), segment: w.index, message: `an ack field without the ACK flag is not read by the receiver; add ACK or remove ack=`, params: { found: ctx.fmt(w.ackValue) } });
    }
    return;
  }
  res.expectedAck = expected;
  w.ackValue = res.ack = ctx.resolve(w.stmt, 'ack', expected);
  if (expected === undefined || w.ackValue === undefined || equal(w.ackValue, expected)) return;
  ctx.report({
    code: 'wrong-ack', range: ackRange(w), segment: w.index,
    message: `ack should be ${ctx.fmt(expected)}, ${why}; found ${ctx.fmt(w.ackValue)}`,
    params: { expected: ctx.fmt(expected), found: ctx.fmt(w.ackValue), endpoint: s.name },
    related: related(s.rcvNxtSince, `${s.name}'s RCV.NXT became ${ctx.fmt(s.rcvNxt)} here`),
  });
}

function unexpected(ctx: Context, s: Tcb, w: Wire, why: string): void {
  ctx.report({
    code: 'unexpected-segment', range: w.stmt.range, segment: w.index,
    message: `${s.name} cannot send ${flagText(w)} in ${s.state}: ${why}`,
    params: { endpoint: s.name, state: s.state, flags: flagText(w) },
    related: related(s.stateSince, `${s.name} entered ${s.state} here`),
  });
}

/** Values of a segment the rules could not check: written, or filled in from the TCB. */
function fillUnchecked(ctx: Context, s: Tcb, w: Wire, res: SegmentResult): void {
  w.seq = res.seq = ctx.resolve(w.stmt, 'seq', s.sndNxt, `ISS(${s.name})`);
  if (w.ack || w.stmt.hasAck) w.ackValue = res.ack = ctx.resolve(w.stmt, 'ack', w.ack ? s.rcvNxt : undefined);
}

function sendSyn(ctx: Context, s: Tcb, w: Wire, res: SegmentResult): void {
  expectAck(ctx, s, w, res, undefined, '');
  if (s.state === 'CLOSED' || s.state === 'LISTEN') {
    expectSeq(ctx, s, w, res, undefined, '');
    const iss = w.seq!;
    s.iss = s.sndUna = iss;
    s.sndNxt = add(iss, segmentLength(w));
    s.sndNxtSince = s.stateSince = w.stmt;
    s.openedFromListen = false;
    s.state = 'SYN_SENT';
    return;
  }
  if (s.state === 'SYN_SENT') {
    if (expectSeq(ctx, s, w, res, s.iss, `the ISS of ${s.name}'s first SYN (a retransmitted SYN repeats it)`)) {
      ctx.report({ code: 'retransmission', range: seqRange(w), segment: w.index, message: `retransmission of ${s.name}'s SYN (seq ${ctx.fmt(s.iss)})`, params: { endpoint: s.name, seq: ctx.fmt(s.iss) } });
    }
    return;
  }
  fillUnchecked(ctx, s, w, res);
  unexpected(ctx, s, w, s.state === 'SYN_RECEIVED'
    ? 'in SYN_RECEIVED it answers the peer\'s SYN with SYN+ACK (or RST)'
    : 'a SYN opens a connection, from CLOSED or LISTEN');
}

function sendSynAck(ctx: Context, s: Tcb, w: Wire, res: SegmentResult): void {
  if (s.state !== 'SYN_RECEIVED') {
    fillUnchecked(ctx, s, w, res);
    unexpected(ctx, s, w, s.state === 'LISTEN' || s.state === 'CLOSED'
      ? `SYN+ACK answers a received SYN; ${s.name} has received none`
      : 'SYN+ACK is sent only in SYN_RECEIVED, in answer to the peer\'s SYN');
    return;
  }
  if (s.iss === undefined) {
    expectSeq(ctx, s, w, res, undefined, '');
    s.iss = s.sndUna = w.seq!;
    s.sndNxt = add(s.iss, segmentLength(w));
    s.sndNxtSince = w.stmt;
  } else if (expectSeq(ctx, s, w, res, s.iss, `${s.name}'s ISS (a SYN+ACK carries the endpoint's own SYN)`)) {
    ctx.report({ code: 'retransmission', range: seqRange(w), segment: w.index, message: `${s.name} sends its SYN (seq ${ctx.fmt(s.iss)}) again, now with ACK`, params: { endpoint: s.name, seq: ctx.fmt(s.iss) } });
  }
  expectAck(ctx, s, w, res, s.rcvNxt, `the peer's ISS + 1 (IRS+1, acknowledging its SYN)`);
  s.synAckSent = true;
}

function sendRst(ctx: Context, s: Tcb, w: Wire, res: SegmentResult): void {
  const owed = s.owedRst;
  if (owed) {
    s.owedRst = undefined;
    const got = owed.wire;
    if (got.ack) {
      expectSeq(ctx, s, w, res, got.ackValue, `the ack of the segment it answers (line ${got.stmt.line + 1}), RFC 9293 3.10.7`);
      if (w.ack || w.stmt.hasAck) w.ackValue = res.ack = ctx.resolve(w.stmt, 'ack', undefined);
    } else {
      expectSeq(ctx, s, w, res, zero(), `0 when the segment it answers (line ${got.stmt.line + 1}) had no ACK, RFC 9293 3.10.7`);
      if (!w.ack) {
        ctx.report({ code: 'missing-ack-flag', range: w.stmt.flagsRange, segment: w.index, message: `a RST answering a segment without ACK is RST+ACK, acknowledging that segment; found ${flagText(w)}`, params: { found: flagText(w), expected: 'RST+ACK' } });
        if (w.stmt.hasAck) w.ackValue = res.ack = ctx.resolve(w.stmt, 'ack', undefined);
      } else {
        expectAck(ctx, s, w, res, got.seq === undefined ? undefined : add(got.seq, segmentLength(got)), `the answered segment's seq + its length (line ${got.stmt.line + 1})`);
      }
    }
    return;
  }
  if (s.state === 'CLOSED' || s.state === 'LISTEN') {
    // A RST from CLOSED or LISTEN that answers nothing: not checked.
    w.seq = res.seq = ctx.resolve(w.stmt, 'seq', undefined, `RST(${s.name})`);
    if (w.ack || w.stmt.hasAck) w.ackValue = res.ack = ctx.resolve(w.stmt, 'ack', undefined);
    return;
  }
  // An abort: seq is SND.NXT and the sender forgets the connection.
  expectSeq(ctx, s, w, res, s.sndNxt, `${s.name}'s SND.NXT (a RST that aborts the connection carries it)`);
  if (w.ack) expectAck(ctx, s, w, res, s.rcvNxt, `the next octet ${s.name} expects`);
  else if (w.stmt.hasAck) expectAck(ctx, s, w, res, undefined, '');
  s.reset('CLOSED');
  s.closedByRst = true;
  s.stateSince = w.stmt;
}

function sendInConnection(ctx: Context, s: Tcb, w: Wire, res: SegmentResult): void {
  if (!isSynchronized(s.state) || (s.state === 'SYN_RECEIVED' && !s.synAckSent) || s.sndNxt === undefined) {
    fillUnchecked(ctx, s, w, res);
    unexpected(ctx, s, w, s.state === 'SYN_RECEIVED'
      ? 'it must first answer the SYN with SYN+ACK'
      : isSynchronized(s.state) ? `it has not sent its own SYN yet` : `it has not received the peer's SYN yet; only SYN (or RST) can be sent before the connection is synchronized`);
    return;
  }
  if (!w.ack) {
    ctx.report({ code: 'missing-ack-flag', range: w.stmt.flagsRange, segment: w.index, message: `in ${s.state} every segment but RST carries ACK; found ${flagText(w)}`, params: { found: flagText(w), expected: [...w.stmt.flags, 'ACK'].join('+') } });
  }
  const kind = classifySeq(ctx, s, w, res);
  expectAck(ctx, s, w, res, s.rcvNxt, `the next octet ${s.name} expects`);
  const start = kind === 'wrong' ? s.sndNxt! : w.seq!;
  checkDataAfterFin(ctx, s, w, start);
  const finAt = add(start, w.len);
  const newFin = w.fin && (s.finSeq === undefined || !equal(finAt, s.finSeq));
  if (w.fin) checkFinState(ctx, s, w, newFin);
  const end = add(start, w.len + (newFin ? 1 : 0));
  if (less(s.sndNxt!, end)) { s.sndNxt = end; s.sndNxtSince = w.stmt; }
  if (newFin && s.finSeq === undefined && (s.state === 'SYN_RECEIVED' || s.state === 'ESTABLISHED' || s.state === 'CLOSE_WAIT')) {
    s.finSeq = finAt;
    s.state = s.state === 'CLOSE_WAIT' ? 'LAST_ACK' : 'FIN_WAIT_1';
    s.stateSince = w.stmt;
  }
}

/** seq against SND.NXT: in order, a retransmission, a keep-alive probe, or wrong. */
function classifySeq(ctx: Context, s: Tcb, w: Wire, res: SegmentResult): 'new' | 'retransmission' | 'keep-alive' | 'wrong' {
  res.expectedSeq = s.sndNxt;
  w.seq = res.seq = ctx.resolve(w.stmt, 'seq', s.sndNxt);
  const nxt = s.sndNxt!;
  const seq = w.seq!;
  if (equal(seq, nxt)) return 'new';
  if (less(seq, nxt)) {
    const finAt = add(seq, w.len);
    const finPlaced = !w.fin || equal(finAt, nxt) || equal(finAt, s.finSeq);
    const firstDataOctet = s.iss === undefined ? undefined : add(s.iss, 1);
    const repeatsData = w.len > 0 && firstDataOctet !== undefined && lessOrEqual(firstDataOctet, seq) && finPlaced;
    const repeatsFin = w.len === 0 && w.fin && equal(seq, s.finSeq);
    if (repeatsData || repeatsFin) {
      ctx.report({ code: 'retransmission', range: seqRange(w), segment: w.index, message: `retransmission: ${s.name} already sent from ${ctx.fmt(seq)}; its next new octet is ${ctx.fmt(nxt)}`, params: { endpoint: s.name, seq: ctx.fmt(seq), sndNxt: ctx.fmt(nxt) } });
      return 'retransmission';
    }
    const probe = w.len === 0 && !w.fin && equal(add(seq, 1), nxt) && equal(s.lastAckSent, s.rcvNxt);
    if (probe) {
      w.keepAlive = true;
      ctx.report({ code: 'keep-alive', range: seqRange(w), segment: w.index, message: `keep-alive probe: an empty segment at SND.NXT-1 (${ctx.fmt(seq)}) asks the peer to answer with an ACK (RFC 9293 3.8.4)`, params: { endpoint: s.name, seq: ctx.fmt(seq) } });
      return 'keep-alive';
    }
  }
  ctx.report({
    code: 'wrong-seq', range: seqRange(w), segment: w.index,
    message: `seq should be ${ctx.fmt(nxt)}, the next octet ${s.name} sends (SND.NXT); found ${ctx.fmt(seq)}`,
    params: { expected: ctx.fmt(nxt), found: ctx.fmt(seq), endpoint: s.name },
    related: related(s.sndNxtSince, `${s.name}'s SND.NXT became ${ctx.fmt(nxt)} here`),
  });
  return 'wrong';
}

function checkDataAfterFin(ctx: Context, s: Tcb, w: Wire, start: Value): void {
  if (w.len === 0 || s.finSeq === undefined) return;
  if (!less(s.finSeq, add(start, w.len))) return; // the last octet lies before the FIN
  const field = w.stmt.fields.find((f) => f.name === 'data' || f.name === 'len');
  ctx.report({
    code: 'data-after-fin', range: field?.range ?? w.stmt.range, segment: w.index,
    message: `${s.name} sent its FIN at ${ctx.fmt(s.finSeq)}: no data can follow it; found ${w.len} octet(s) from ${ctx.fmt(start)}`,
    params: { endpoint: s.name, finSeq: ctx.fmt(s.finSeq), len: w.len },
  });
}

function checkFinState(ctx: Context, s: Tcb, w: Wire, newFin: boolean): void {
  if (newFin) {
    if (s.finSeq !== undefined) unexpected(ctx, s, w, `${s.name} already sent its FIN at ${ctx.fmt(s.finSeq)}`);
    else if (s.state !== 'SYN_RECEIVED' && s.state !== 'ESTABLISHED' && s.state !== 'CLOSE_WAIT') unexpected(ctx, s, w, 'a FIN is sent from SYN_RECEIVED, ESTABLISHED or CLOSE_WAIT');
  } else if (s.state !== 'FIN_WAIT_1' && s.state !== 'CLOSING' && s.state !== 'LAST_ACK') {
    unexpected(ctx, s, w, `its FIN was already acknowledged; a FIN is retransmitted only in FIN_WAIT_1, CLOSING or LAST_ACK`);
  }
}
