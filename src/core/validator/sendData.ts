// Sending in a synchronized state (contract 4.1): seq against SND.NXT (new, retransmission, keep-alive,
// or wrong), ack against RCV.NXT, the FIN, data after the FIN, and the window the peer advertised.
import { t } from '../i18n/format.ts';
import { add, distance, equal, less, lessOrEqual, type Value } from '../sequence.ts';
import type { PlanBuilder, Reading, SendPlan } from './sendPlan.ts';
import type { Tcb } from './tcb.ts';

type SeqKind = 'new' | 'retransmission' | 'keep-alive' | 'wrong' | 'unknown';

export function planData(b: PlanBuilder): SendPlan {
  const { ctx, s, w } = b;
  const unsure = w.stmt.unsureFlags;
  const missingAck = !w.ack && !unsure;
  if (missingAck) b.missingAck([...w.stmt.flags, 'ACK'].join('+'), t('why.synchronizedAck', { state: s.state }));
  const nxt = s.sndNxt;
  const seq = ctx.resolve(w.stmt, 'seq', nxt, 'not-known-yet');
  const finSent = s.finSeq !== undefined;
  const kind = classify(b, seq);
  // a FIN sent again keeps its seq where written in both readings (at SND.NXT it would be a second FIN)
  const finAgainInside = kind === 'wrong' && w.fin && finSent && nxt !== undefined && less(seq, nxt);
  const meantStart = kind === 'wrong' && !finAgainInside ? nxt! : seq;

  // ack: with ACK it must be RCV.NXT; a wrong ack= on a segment without ACK is read as 4.4 says
  const expectedAck = s.rcvNxt;
  let ack: Value | undefined;
  if (w.ack || unsure) {
    ack = ctx.resolve(w.stmt, 'ack', expectedAck, 'not-known-yet');
    if (w.ack && expectedAck !== undefined && !equal(ack, expectedAck)) b.wrongAck(expectedAck, ack, t('why.rcvNxt', { endpoint: s.name }));
  } else if (w.stmt.hasAck) {
    ack = ctx.resolve(w.stmt, 'ack', expectedAck);
  }
  const meantAck = expectedAck ?? ack;

  checkDataAfterFin(b, meantStart);
  const newFin = w.fin && !finSent;
  if (w.fin) checkFinState(b, newFin);
  checkWindow(b, meantStart);

  const apply = (_c: unknown, x: Tcb, reading: Reading) => {
    if (kind === 'keep-alive') return;
    const start = reading === 'written' ? seq : meantStart;
    const end = add(start, w.len + (newFin ? 1 : 0));
    if (x.sndNxt === undefined) { /* not known yet: the next written seq tells it (2.2) */ }
    else if ((reading === 'written' && kind === 'wrong') || less(x.sndNxt, end)) { x.sndNxt = end; x.sndNxtSince = w.stmt; }
    if (w.len > 0 || newFin) x.starts.add(start);
    if (newFin && (x.state === 'SYN_RECEIVED' || x.state === 'ESTABLISHED' || x.state === 'CLOSE_WAIT')) {
      x.finSeq = add(start, w.len);
      x.state = x.state === 'CLOSE_WAIT' ? 'LAST_ACK' : 'FIN_WAIT_1';
      x.stateSince = w.stmt;
    }
  };
  return b.plan({ seq: meantStart, ack: meantAck, ackFlag: true }, { seq, ack: unsure ? meantAck : w.ack ? ack : undefined, ackFlag: w.ack || unsure }, apply);
}

/** seq against SND.NXT: in order, a retransmission, a keep-alive probe, or wrong (4.1). */
function classify(b: PlanBuilder, seq: Value): SeqKind {
  const { ctx, s, w } = b;
  const nxt = s.sndNxt;
  if (nxt === undefined) return 'unknown';
  if (equal(seq, nxt)) return 'new';
  const una = s.sndUna ?? nxt;
  const d = distance(seq, nxt);
  if (d !== undefined && d < 0) {
    const end = add(seq, w.len);
    const atIss = s.iss !== undefined && equal(seq, s.iss);
    const validStart = equal(seq, una) || s.starts.has(seq) || equal(seq, s.finSeq);
    const finAgain = w.fin && s.finSeq !== undefined && equal(end, s.finSeq);
    if (finAgain && (w.len === 0 || (validStart && !atIss))) {
      b.info('retransmission', t('retransmission.fin', { endpoint: s.name, fin: ctx.val(s.finSeq) }), { endpoint: s.name, seq: ctx.plain(seq), sndNxt: ctx.plain(nxt) });
      return 'retransmission';
    }
    const finPlaced = !w.fin || (s.finSeq === undefined && lessOrEqual(nxt, end));
    if (w.len > 0 && validStart && !atIss && finPlaced) {
      b.info('retransmission', t('retransmission.data', { endpoint: s.name, seq: ctx.val(seq), sndNxt: ctx.val(nxt) }), { endpoint: s.name, seq: ctx.plain(seq), sndNxt: ctx.plain(nxt) });
      return 'retransmission';
    }
    const idle = (s.state === 'ESTABLISHED' || s.state === 'CLOSE_WAIT') && s.finSeq === undefined && equal(una, nxt) &&
      (s.declaredIdle || (s.rcvNxt !== undefined && equal(s.lastAckSent, s.rcvNxt)));
    if (w.len === 0 && !w.fin && equal(add(seq, 1), nxt) && idle) {
      b.info('keep-alive', t('keep-alive', { endpoint: s.name, seq: ctx.val(seq) }), { endpoint: s.name, seq: ctx.plain(seq) });
      return 'keep-alive';
    }
    b.wrongSeq(nxt, seq, whyBelow(b, seq, atIss, validStart));
    return 'wrong';
  }
  b.wrongSeq(nxt, seq, t('why.sndNxt', { endpoint: s.name }));
  return 'wrong';
}

/** Why a seq below SND.NXT is not a retransmission or a probe: the misconception, named. */
function whyBelow(b: PlanBuilder, seq: Value, atIss: boolean, validStart: boolean) {
  const { ctx, s, w } = b;
  if (atIss && w.len > 0) return t('why.issNoData', { endpoint: s.name, iss: ctx.val(s.iss), first: ctx.val(add(s.iss!, 1)) });
  if (s.finSeq !== undefined && lessOrEqual(s.finSeq, seq)) return t('why.afterFin', { endpoint: s.name, fin: ctx.val(s.finSeq) });
  if (w.fin && s.finSeq !== undefined) return t('why.finAgainStart', { endpoint: s.name, una: ctx.val(s.sndUna), fin: ctx.val(s.finSeq) });
  if (w.fin && w.len === 0) return t('why.finInsideData', { endpoint: s.name });
  if (w.len > 0 && !validStart) return t('why.insideSent', { endpoint: s.name, una: ctx.val(s.sndUna) });
  if (w.len === 0 && s.iss !== undefined && equal(add(seq, 1), s.sndNxt) && s.sndUna !== undefined && !equal(s.sndUna, s.iss)) return t('why.oneTooLow', { endpoint: s.name });
  return t('why.sndNxt', { endpoint: s.name });
}

function checkDataAfterFin(b: PlanBuilder, start: Value): void {
  const { ctx, s, w } = b;
  if (w.len === 0 || s.finSeq === undefined) return;
  if (!less(s.finSeq, add(start, w.len))) return; // the last octet lies before the FIN
  const field = w.stmt.fields.find((f) => f.name === 'data' || f.name === 'len');
  b.add({
    code: 'data-after-fin', range: field?.range ?? w.stmt.range,
    text: t('data-after-fin', { endpoint: s.name, fin: ctx.val(s.finSeq), len: w.len, start: ctx.val(start) }),
    params: { endpoint: s.name, finSeq: ctx.plain(s.finSeq), len: w.len },
  });
}

function checkFinState(b: PlanBuilder, newFin: boolean): void {
  const { ctx, s } = b;
  if (newFin) {
    if (s.state !== 'SYN_RECEIVED' && s.state !== 'ESTABLISHED' && s.state !== 'CLOSE_WAIT') b.unexpected(t('why.finFrom'));
  } else if (s.state !== 'FIN_WAIT_1' && s.state !== 'CLOSING' && s.state !== 'LAST_ACK') {
    b.unexpected(t('why.finAcked', { endpoint: s.name, fin: ctx.val(s.finSeq) }));
  }
}

/** Data octets past SND.UNA + SND.WND (4.1, window); one octet into a zero window is a probe. */
function checkWindow(b: PlanBuilder, start: Value): void {
  const { ctx, s, w } = b;
  if (w.len === 0 || s.sndWnd === undefined || s.sndUna === undefined) return;
  const limit = add(s.sndUna, s.sndWnd);
  const end = add(start, w.len);
  const over = distance(end, limit);
  if (over === undefined) return;
  const peer = ctx.peer(s).name;
  if (s.sndWnd === 0 && w.len === 1) {
    b.info('window-probe', t('window-probe', { endpoint: s.name, peer }), { endpoint: s.name });
    return;
  }
  if (over <= 0) return;
  const usable = Math.max(0, distance(limit, start) ?? 0);
  w.pastWindow = true;
  const field = w.stmt.fields.find((f) => f.name === 'data' || f.name === 'len');
  b.add({
    code: 'window-exceeded', range: field?.range ?? w.stmt.range,
    text: t('window-exceeded', { endpoint: s.name, peer, una: ctx.val(s.sndUna), wnd: s.sndWnd, limit: ctx.val(limit), end: ctx.val(end), over, usable }),
    params: { endpoint: s.name, usable, sndUna: ctx.plain(s.sndUna), sndWnd: s.sndWnd, over },
  });
}

