// Sending (contract 4.1): which rule applies to a segment, for SYN, SYN+ACK, RST and old duplicates; the
// segments of an open connection are in sendData.ts.
import { t } from '../i18n/format.ts';
import { add, equal, type Value } from '../sequence.ts';
import { isSynchronized } from '../states.ts';
import { ANONYMOUS, zero, type Context } from './context.ts';
import { reportMissedRst } from './lookahead.ts';
import { planData } from './sendData.ts';
import { learnEstablished, PlanBuilder, type SendPlan, type WireValues } from './sendPlan.ts';
import type { Tcb } from './tcb.ts';
import { segmentLength, type Wire } from './wire.ts';

export function planSend(ctx: Context, s: Tcb, w: Wire): SendPlan {
  if (w.old) return planOld(ctx, s, w);
  if (s.owedRst && !(w.rst && !w.syn)) reportMissedRst(ctx, s);
  learnEstablished(ctx, s, w);
  const b = new PlanBuilder(ctx, s, w);
  if (w.rst) return planRst(b);
  if (w.syn && !w.ack) return planSyn(b);
  if (w.syn) return planSynAck(b);
  if (!isSynchronized(s.state) || (s.state === 'SYN_RECEIVED' && !s.synAckSent)) {
    return planUnexpected(b, s.state === 'SYN_RECEIVED' ? t('why.answerSynFirst')
      : isSynchronized(s.state) ? t('why.noOwnSyn') : s.state === 'CLOSED' && s.forgot ? t('why.noConnection', { endpoint: s.name }) : t('why.notSynchronized'));
  }
  return planData(b);
}

const same = (v: WireValues): WireValues => v;
const NOTHING: SendPlan['apply'] = () => {};

/** An old duplicate (2.3): no send-side checks, nothing changes at its sender. */
function planOld(ctx: Context, s: Tcb, w: Wire): SendPlan {
  const b = new PlanBuilder(ctx, s, w);
  const seq = ctx.resolve(w.stmt, 'seq', undefined);
  const ack = w.ack ? ctx.resolve(w.stmt, 'ack', undefined) : undefined;
  const v = same({ seq, ack, ackFlag: w.ack });
  return b.plan(v, v, NOTHING);
}

/** A segment the sender's state does not allow: values checked where the sender has them (4.1, all checks run). */
export function planUnexpected(b: PlanBuilder, why: ReturnType<typeof t>): SendPlan {
  const { ctx, s, w } = b;
  b.unexpected(why);
  const seq = ctx.resolve(w.stmt, 'seq', s.sndNxt);
  if (!w.syn && s.sndNxt !== undefined && !equal(seq, s.sndNxt)) b.wrongSeq(s.sndNxt, seq, t('why.sndNxt', { endpoint: s.name }));
  const ack = w.ack || w.stmt.hasAck ? ctx.resolve(w.stmt, 'ack', w.ack ? s.rcvNxt : undefined) : undefined;
  if (w.ack && ack && s.rcvNxt !== undefined && !equal(ack, s.rcvNxt)) b.wrongAck(s.rcvNxt, ack, t('why.rcvNxt', { endpoint: s.name }));
  const meant = { seq: s.sndNxt !== undefined && !w.syn ? s.sndNxt : seq, ack: w.ack ? s.rcvNxt ?? ack : ack, ackFlag: w.ack };
  return b.plan(meant, { seq, ack, ackFlag: w.ack }, NOTHING);
}

function planSyn(b: PlanBuilder): SendPlan {
  const { ctx, s, w } = b;
  const ack = b.writtenAck(undefined);
  if (ack && !w.stmt.unsureFlags && (s.state === 'CLOSED' || s.state === 'LISTEN' || s.state === 'SYN_SENT')) b.ackWithoutFlag(ack);
  if (s.state === 'CLOSED' || s.state === 'LISTEN') {
    const iss = ctx.resolve(w.stmt, 'seq', undefined, { isnOf: s.name });
    const v = same({ seq: iss, ack, ackFlag: false });
    return b.plan(v, v, (_c, x) => {
      x.reset('SYN_SENT');
      x.iss = x.sndUna = iss;
      x.sndNxt = add(iss, segmentLength(w));
      x.starts.add(iss);
      x.sndNxtSince = x.stateSince = w.stmt;
    });
  }
  if (s.state === 'SYN_SENT') {
    const seq = ctx.resolve(w.stmt, 'seq', s.iss);
    if (s.iss !== undefined && !equal(seq, s.iss)) b.wrongSeq(s.iss, seq, t('why.synAgain', { endpoint: s.name }));
    else b.info('retransmission', t('retransmission.syn', { endpoint: s.name, seq: ctx.val(s.iss) }), { endpoint: s.name, seq: ctx.plain(s.iss) });
    return b.plan({ seq: s.iss ?? seq, ack, ackFlag: false }, { seq, ack, ackFlag: false }, NOTHING);
  }
  return planUnexpected(b, s.state === 'SYN_RECEIVED' ? t('why.synReceivedAnswers') : t('why.synOpens'));
}

function planSynAck(b: PlanBuilder): SendPlan {
  const { ctx, s, w } = b;
  if (s.state !== 'SYN_RECEIVED') {
    return planUnexpected(b, s.state === 'LISTEN' || s.state === 'CLOSED' ? t('why.synAckNoSyn', { endpoint: s.name }) : t('why.synAckOnly'));
  }
  let seq: Value;
  const first = s.iss === undefined;
  if (first) seq = ctx.resolve(w.stmt, 'seq', undefined, { isnOf: s.name });
  else {
    seq = ctx.resolve(w.stmt, 'seq', s.iss);
    if (!equal(seq, s.iss)) b.wrongSeq(s.iss!, seq, t('why.synAckIss', { endpoint: s.name }));
    else b.info('retransmission', t('retransmission.synAck', { endpoint: s.name, seq: ctx.val(s.iss) }), { endpoint: s.name, seq: ctx.plain(s.iss) });
  }
  const ack = ctx.resolve(w.stmt, 'ack', s.rcvNxt);
  if (s.rcvNxt !== undefined && !equal(ack, s.rcvNxt)) b.wrongAck(s.rcvNxt, ack, t('why.irsPlusOne', { endpoint: s.name }));
  const meantSeq = first ? seq : s.iss!;
  return b.plan({ seq: meantSeq, ack: s.rcvNxt ?? ack, ackFlag: true }, { seq, ack, ackFlag: true }, (_c, x) => {
    if (x.iss === undefined) {
      x.iss = x.sndUna = seq;
      x.sndNxt = add(seq, segmentLength(w));
      x.starts.add(seq);
      x.sndNxtSince = w.stmt;
    }
    x.synAckSent = true;
  });
}

function planRst(b: PlanBuilder): SendPlan {
  const { ctx, s, w } = b;
  const owed = s.owedRst;
  if (owed) return planRstAnswer(b, owed.wire);
  if (s.state === 'CLOSED' || s.state === 'LISTEN') {
    // A RST from CLOSED or LISTEN that answers nothing: not checked.
    const seq = ctx.resolve(w.stmt, 'seq', undefined);
    const ack = w.ack || w.stmt.hasAck ? ctx.resolve(w.stmt, 'ack', undefined) : undefined;
    const v = same({ seq, ack, ackFlag: w.ack });
    return b.plan(v, v, NOTHING);
  }
  // An abort: seq is SND.NXT and the sender forgets the connection.
  const seq = ctx.resolve(w.stmt, 'seq', s.sndNxt, 'not-known-yet');
  if (s.sndNxt !== undefined && !equal(seq, s.sndNxt)) b.wrongSeq(s.sndNxt, seq, t('why.abortSndNxt', { endpoint: s.name }));
  let ack: Value | undefined;
  if (w.ack) {
    ack = ctx.resolve(w.stmt, 'ack', s.rcvNxt, 'not-known-yet');
    if (s.rcvNxt !== undefined && !equal(ack, s.rcvNxt)) b.wrongAck(s.rcvNxt, ack, t('why.rcvNxt', { endpoint: s.name }));
  } else if (w.stmt.hasAck) {
    ack = ctx.resolve(w.stmt, 'ack', undefined);
    if (!w.stmt.unsureFlags) b.ackWithoutFlag(ack);
  }
  return b.plan({ seq: s.sndNxt ?? seq, ack: w.ack ? s.rcvNxt ?? ack : ack, ackFlag: w.ack }, { seq, ack, ackFlag: w.ack }, (c, x) => {
    x.reset('CLOSED');
    x.forgot = true;
    c.forget(x);
    x.stateSince = w.stmt;
  });
}

/** A value the file never wrote cannot be checked (4.1: an unknown the file never wrote). */
function written(v: Value | undefined): v is Value { return v !== undefined && !(v.base?.startsWith(ANONYMOUS) ?? false); }

/** A RST that answers the last segment received (RFC 9293 3.10.7.1-3). The sender's state does not change. */
function planRstAnswer(b: PlanBuilder, got: Wire): SendPlan {
  const { ctx, w } = b;
  const line = got.stmt.line + 1;
  const clear: SendPlan['apply'] = (_c, x) => { x.owedRst = undefined; };
  if (got.ack) {
    const expected = written(got.ackValue) ? got.ackValue : undefined;
    const seq = ctx.resolve(w.stmt, 'seq', expected);
    if (expected && !equal(seq, expected)) b.wrongSeq(expected, seq, t('why.rstAnswersAck', { line }));
    const ack = w.ack || w.stmt.hasAck ? ctx.resolve(w.stmt, 'ack', undefined) : undefined;
    return b.plan({ seq: expected ?? seq, ack, ackFlag: w.ack }, { seq, ack, ackFlag: w.ack }, clear);
  }
  const seq = ctx.resolve(w.stmt, 'seq', zero());
  if (!equal(seq, zero())) b.wrongSeq(zero(), seq, t('why.rstAnswersNoAck', { line }));
  const expectedAck = written(got.seq) ? add(got.seq, segmentLength(got)) : undefined;
  const ack = w.ack || w.stmt.hasAck ? ctx.resolve(w.stmt, 'ack', expectedAck) : expectedAck ?? ctx.newUnknown();
  if (!w.ack) {
    if (!w.stmt.unsureFlags) b.missingAck('RST+ACK', t('why.rstAckAnswers'));
  } else if (expectedAck && !equal(ack, expectedAck)) {
    b.wrongAck(expectedAck, ack, t('why.rstAckValue', { line }));
  }
  return b.plan({ seq: zero(), ack: expectedAck ?? ack, ackFlag: true }, { seq, ack: w.stmt.hasAck ? ack : undefined, ackFlag: w.ack }, clear);
}
