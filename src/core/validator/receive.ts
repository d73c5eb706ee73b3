// Receiving (contract 4.2): checked against the receiver's state when the segment is delivered.
import { add, distance, equal, less, type Value } from '../sequence.ts';
import type { Where } from './tcb.ts';
import type { Context } from './context.ts';
import { oweRst } from './lookahead.ts';
import type { Tcb } from './tcb.ts';
import { flagText, segmentLength, type Wire } from './wire.ts';

/** Delivers `w` to `r`; `at` is where the delivery happens (the segment line, or the `deliver` id). */
export function receive(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  switch (r.state) {
    case 'CLOSED': return receiveInClosed(ctx, r, w, at);
    case 'LISTEN': return receiveInListen(ctx, r, w, at);
    case 'SYN_SENT': return receiveInSynSent(ctx, r, w, at);
    default: return receiveSynchronized(ctx, r, w, at);
  }
}

function ignored(ctx: Context, r: Tcb, w: Wire, at: Where, why: string): void {
  ctx.report({ code: 'ignored-segment', range: at.range, segment: w.index, message: `${r.name} drops this ${flagText(w)} in ${r.state}: ${why}`, params: { endpoint: r.name, state: r.state, flags: flagText(w) } });
}

function enter(r: Tcb, state: Tcb['state'], at: Where): void { r.state = state; r.stateSince = at; }

function receiveInClosed(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  if (!w.rst) oweRst(ctx, r, w, at, `${r.name} is CLOSED: no connection exists`);
}

function receiveInListen(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  if (w.rst) return; // ignored, silently
  if (w.ack) return oweRst(ctx, r, w, at, `an ACK reaching LISTEN acknowledges nothing ${r.name} sent`);
  if (!w.syn) return ignored(ctx, r, w, at, 'a listening endpoint waits for a SYN');
  acceptSyn(ctx, r, w, at);
  r.openedFromListen = true;
  enter(r, 'SYN_RECEIVED', at);
}

function acceptSyn(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  r.irs = w.seq!;
  r.rcvNxt = add(w.seq!, 1);
  r.rcvNxtSince = at;
  ctx.expectAck(r, w.seq!, 'SYN', w, at);
}

function receiveInSynSent(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  if (w.ack && !equal(w.ackValue, r.sndNxt)) {
    if (w.rst) return ignored(ctx, r, w, at, `its ack ${ctx.fmt(w.ackValue)} is not ${r.name}'s SND.NXT ${ctx.fmt(r.sndNxt)}`);
    return oweRst(ctx, r, w, at, `its ack ${ctx.fmt(w.ackValue)} is unacceptable: ${r.name} expects ack=${ctx.fmt(r.sndNxt)}`);
  }
  if (w.rst) {
    if (!w.ack) return ignored(ctx, r, w, at, 'a RST without ACK cannot be matched to the SYN sent (RFC 9293 3.10.7.3)');
    r.reset('CLOSED');
    r.closedByRst = true;
    r.stateSince = at;
    return;
  }
  if (w.syn && w.seq !== undefined) {
    acceptSyn(ctx, r, w, at);
    if (w.ack) {
      r.sndUna = w.ackValue;
      enter(r, 'ESTABLISHED', at);
    } else {
      enter(r, 'SYN_RECEIVED', at); // simultaneous open
    }
    return;
  }
  ignored(ctx, r, w, at, `in SYN_SENT ${r.name} waits for a SYN+ACK (or a SYN)`);
}

function receiveSynchronized(ctx: Context, r: Tcb, w: Wire, at: Where): void {
  if (!w.ack && !w.rst) return; // dropped; the sender already has missing-ack-flag
  const rcvNxt = r.rcvNxt!;
  const length = segmentLength(w);
  const rel = w.seq === undefined ? undefined : distance(w.seq, rcvNxt);
  if (rel === undefined) {
    return ignored(ctx, r, w, at, `its seq ${ctx.fmt(w.seq)} has nothing in common with ${r.name}'s RCV.NXT ${ctx.fmt(rcvNxt)}`);
  }
  if (w.rst) {
    if (rel !== 0) return ignored(ctx, r, w, at, `a RST is accepted only at seq = RCV.NXT = ${ctx.fmt(rcvNxt)} (RFC 5961); found ${ctx.fmt(w.seq)}`);
    const back = r.state === 'SYN_RECEIVED' && r.openedFromListen ? 'LISTEN' : 'CLOSED';
    r.reset(back);
    r.closedByRst = true;
    r.stateSince = at;
    return;
  }
  const duplicate = rel < 0 && rel + length <= 0;
  if (duplicate && !w.keepAlive) {
    ctx.report({ code: 'duplicate-segment', range: at.range, segment: w.index, message: `${r.name} already received everything up to ${ctx.fmt(rcvNxt)}; this ${flagText(w)} from ${ctx.fmt(w.seq)} is a duplicate (its ACK is still processed)`, params: { endpoint: r.name, seq: ctx.fmt(w.seq), rcvNxt: ctx.fmt(rcvNxt) } });
  } else if (rel > 0) {
    ctx.report({ code: 'out-of-order', range: at.range, segment: w.index, message: `out of order: ${r.name} expects ${ctx.fmt(rcvNxt)} next, this segment starts at ${ctx.fmt(w.seq)}; it is queued until the gap is filled`, params: { endpoint: r.name, seq: ctx.fmt(w.seq), rcvNxt: ctx.fmt(rcvNxt) } });
  }
  if (w.syn && !equal(w.seq, r.irs)) {
    ctx.report({ code: 'unexpected-segment', severity: 'warning', range: at.range, segment: w.index, message: `${r.name} is already synchronized with ISS ${ctx.fmt(r.irs)}; a SYN at ${ctx.fmt(w.seq)} changes nothing (RFC 5961 would answer with a challenge ACK)`, params: { endpoint: r.name, state: r.state, flags: flagText(w) } });
    return;
  }
  if (!processAck(ctx, r, w, at)) return;
  if (duplicate) return;
  if (rel > 0) {
    const start = add(w.seq!, w.syn ? 1 : 0);
    r.outOfOrder.push({ start, end: add(start, w.len + (w.fin ? 1 : 0)), fin: w.fin });
    return;
  }
  const dataEnd = add(w.seq!, (w.syn ? 1 : 0) + w.len);
  if (less(rcvNxt, dataEnd)) { r.rcvNxt = dataEnd; r.rcvNxtSince = at; }
  if (w.fin) acceptFin(ctx, r, w, dataEnd, at);
  drainQueue(ctx, r, w, at);
}

/** Step 4: the ACK field. Returns false when the segment is dropped. */
function processAck(ctx: Context, r: Tcb, w: Wire, at: Where): boolean {
  const ack = w.ackValue;
  if (!w.ack) return true;
  if (ack === undefined) return false; // an ACK whose value nobody knows (its sender had no connection): dropped
  const sndNxt = r.sndNxt;
  const d = sndNxt === undefined ? undefined : distance(ack, sndNxt);
  if (d === undefined || d > 0) {
    ctx.report({ code: 'wrong-ack', range: at.range, segment: w.index, message: `ack ${ctx.fmt(ack)} acknowledges what ${r.name} never sent: its SND.NXT is ${ctx.fmt(sndNxt)}`, params: { endpoint: r.name, found: ctx.fmt(ack), expected: ctx.fmt(sndNxt) } });
    return false;
  }
  if (r.sndUna === undefined || less(r.sndUna, ack)) r.sndUna = ack;
  const finAcked = r.finSeq !== undefined && less(r.finSeq, r.sndUna);
  if (r.state === 'SYN_RECEIVED' && r.iss !== undefined && less(r.iss, r.sndUna)) enter(r, 'ESTABLISHED', at);
  else if (r.state === 'FIN_WAIT_1' && finAcked) enter(r, 'FIN_WAIT_2', at);
  else if (r.state === 'CLOSING' && finAcked) enter(r, 'TIME_WAIT', at);
  else if (r.state === 'LAST_ACK' && finAcked) { r.reset('CLOSED'); r.stateSince = at; }
  return true;
}

/** Step 6: a FIN in order. */
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

/** Octets queued out of order count once the gap before them is filled. */
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
