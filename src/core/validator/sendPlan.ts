// Sending (contract 4.1), in two steps so that a slip can be read two ways (4.4): `planSend` checks the
// segment against the sender's state and says what it would do, without changing the sender; the plan's
// `apply` then changes the sender for the reading kept.
import type { Finding } from '../diagnostics.ts';
import { t } from '../i18n/format.ts';
import type { Text } from '../i18n/types.ts';
import type { Value } from '../sequence.ts';
import type { Range } from '../syntax/syntax.ts';
import { blind, type Context } from './context.ts';
import type { Tcb, Where } from './tcb.ts';
import type { Wire } from './wire.ts';

/** The values a reading puts on the wire. */
export interface WireValues { seq: Value; ack?: Value; ackFlag: boolean }

export type Reading = 'meant' | 'written';

export interface SendPlan {
  findings: Finding[];
  /** Indices into `findings` of the slip errors (wrong-seq, wrong-ack, missing-ack-flag), 4.4. */
  slips: number[];
  meant: WireValues;
  written: WireValues;
  /** Changes the sender for a reading. */
  apply(ctx: Context, s: Tcb, reading: Reading): void;
}

/** Helpers shared by the plans of every kind of segment. */
export class PlanBuilder {
  readonly findings: Finding[] = [];
  readonly slips: number[] = [];
  constructor(readonly ctx: Context, readonly s: Tcb, readonly w: Wire) {}

  seqRange(): Range { return this.w.stmt.seq?.range ?? this.w.stmt.range; }
  ackRange(): Range { return this.w.stmt.ack?.range ?? this.w.stmt.range; }
  related(at: Where | undefined, text: Text) { return at && !this.ctx.trialMode ? [{ range: at.range, text }] : undefined; }

  add(f: Finding, slip = false): void {
    f.segment = this.w.index;
    if (slip) this.slips.push(this.findings.length);
    this.findings.push(f);
  }

  has(code: Finding['code']): boolean { return this.findings.some((f) => f.code === code); }

  wrongSeq(expected: Value, found: Value, why: Text): void {
    const { ctx, s } = this;
    if (blind(expected, found)) return;
    this.add({
      code: 'wrong-seq', range: this.seqRange(),
      text: t('wrong-seq', { expected: ctx.val(expected), found: ctx.val(found), why }),
      params: { expected: ctx.plain(expected), found: ctx.plain(found), endpoint: s.name },
      related: this.related(s.sndNxtSince, t('related.sndNxt', { endpoint: s.name, value: ctx.val(s.sndNxt) })),
    }, true);
  }

  wrongAck(expected: Value, found: Value, why: Text): void {
    const { ctx, s } = this;
    if (blind(expected, found)) return;
    this.add({
      code: 'wrong-ack', range: this.ackRange(),
      text: t('wrong-ack', { expected: ctx.val(expected), found: ctx.val(found), why }),
      params: { expected: ctx.plain(expected), found: ctx.plain(found), endpoint: s.name },
      related: this.related(s.rcvNxtSince, t('related.rcvNxt', { endpoint: s.name, value: ctx.val(s.rcvNxt) })),
    }, true);
  }

  missingAck(expectedFlags: string, why: Text): void {
    const { w } = this;
    this.add({
      code: 'missing-ack-flag', range: w.stmt.flagsRange,
      text: t('missing-ack-flag', { found: w.stmt.flags.join('+'), expected: expectedFlags, why }),
      params: { found: w.stmt.flags.join('+'), expected: expectedFlags },
    }, true);
  }

  ackWithoutFlag(found: Value): void {
    this.add({
      code: 'ack-without-flag', range: this.ackRange(),
      text: t('ack-without-flag', { found: this.ctx.val(found) }),
      params: { found: this.ctx.plain(found) },
    });
  }

  unexpected(why: Text): void {
    const { s, w } = this;
    this.add({
      code: 'unexpected-segment', range: w.stmt.range,
      text: t('unexpected-segment', { endpoint: s.name, state: s.state, flags: flagsOf(w), why }),
      params: { endpoint: s.name, state: s.state, flags: flagsOf(w) },
      related: this.related(s.stateSince, t('related.state', { endpoint: s.name, state: s.state })),
    });
  }

  info(code: 'retransmission' | 'keep-alive' | 'window-probe', text: Text, params: Record<string, string | number>): void {
    this.add({ code, range: this.seqRange(), text, params });
  }

  /** The written ack, resolved; undefined when no ack is written. */
  writtenAck(expected: Value | undefined): Value | undefined {
    return this.w.stmt.hasAck ? this.ctx.resolve(this.w.stmt, 'ack', expected) : undefined;
  }

  plan(meant: WireValues, written: WireValues, apply: SendPlan['apply']): SendPlan {
    return { findings: this.findings, slips: this.slips, meant, written, apply };
  }
}

export function flagsOf(w: Wire): string { return w.stmt.flags.join('+'); }

/** After the send, whatever the kind of segment: what the sender acknowledged and advertised. */
export function afterSend(ctx: Context, s: Tcb, w: Wire): void {
  s.declaredIdle = false;
  if (w.win !== undefined) s.rcvWnd = w.win;
  if (w.ack && w.ackValue) s.lastAckSent = w.ackValue;
  if (w.ack && w.ackValue) ctx.acknowledged(s, w.ackValue);
}

/** An ESTABLISHED side's number that no line has written yet is taken from the first segment that writes it (2.2). */
export function learnEstablished(ctx: Context, s: Tcb, w: Wire): void {
  if (s.state === 'CLOSED' || s.state === 'LISTEN' || s.state === 'SYN_SENT' || s.state === 'SYN_RECEIVED' || s.irs !== undefined || s.iss !== undefined) return;
  const peer = ctx.peer(s);
  if (s.sndNxt === undefined && w.stmt.hasSeq && !w.syn) {
    const v = ctx.resolve(w.stmt, 'seq', undefined);
    s.sndNxt = s.sndUna = v;
    s.sndNxtSince = w.stmt;
    if (peer.rcvNxt === undefined) { peer.rcvNxt = v; peer.rcvNxtSince = w.stmt; }
  }
  if (s.rcvNxt === undefined && w.stmt.hasAck && !w.syn) {
    const v = ctx.resolve(w.stmt, 'ack', undefined);
    s.rcvNxt = v;
    s.rcvNxtSince = w.stmt;
    if (peer.sndNxt === undefined) { peer.sndNxt = peer.sndUna = v; peer.sndNxtSince = w.stmt; }
  }
}
