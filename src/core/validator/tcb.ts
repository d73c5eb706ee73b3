// One transmission control block per endpoint (contract section 4).
import type { TcbSnapshot } from '../analysis.ts';
import type { Range, TcpState } from '../syntax/syntax.ts';
import type { Value } from '../sequence.ts';
import type { Wire } from './wire.ts';

/** Something with a place in the document (a statement, a name); its range is built only when asked. */
export interface Where { readonly range: Range }

export class Tcb {
  state: TcpState;
  iss?: Value;
  sndUna?: Value;
  sndNxt?: Value;
  irs?: Value;
  rcvNxt?: Value;
  finSeq?: Value;
  outOfOrder: { start: Value; end: Value; fin: boolean }[] = [];
  /** How the connection was opened: from LISTEN (a RST in SYN_RECEIVED goes back there) or actively. */
  openedFromListen = false;
  /** In SYN_RECEIVED: whether this endpoint has sent its SYN+ACK. */
  synAckSent = false;
  /** The ack of the last segment this endpoint sent with ACK (for keep-alive probes). */
  lastAckSent?: Value;
  /** A segment this endpoint must answer with RST, and where it arrived (4.2). */
  owedRst?: { wire: Wire; at: Where; why: string };
  /** A RST closed this endpoint's connection (no `unacknowledged` then). */
  closedByRst = false;
  /** Where things happened, for related information in messages. */
  stateSince?: Where;
  sndNxtSince?: Where;
  rcvNxtSince?: Where;
  private last?: TcbSnapshot;

  constructor(readonly name: string, readonly index: number, initial: TcpState) { this.state = initial; }

  /** Forgets the connection (CLOSED, or back to LISTEN). */
  reset(state: TcpState): void {
    this.state = state;
    this.iss = this.sndUna = this.sndNxt = this.irs = this.rcvNxt = this.finSeq = this.lastAckSent = undefined;
    this.outOfOrder = [];
    this.openedFromListen = false;
    this.synAckSent = false;
  }

  /** The TCB now; the previous snapshot is reused when nothing changed (most events change one side). */
  snapshot(): TcbSnapshot {
    const l = this.last;
    if (l && l.state === this.state && l.iss === this.iss && l.sndUna === this.sndUna && l.sndNxt === this.sndNxt &&
      l.irs === this.irs && l.rcvNxt === this.rcvNxt && l.finSeq === this.finSeq && sameQueue(l.outOfOrder, this.outOfOrder)) return l;
    return (this.last = {
      state: this.state, iss: this.iss, sndUna: this.sndUna, sndNxt: this.sndNxt, irs: this.irs,
      rcvNxt: this.rcvNxt, finSeq: this.finSeq, outOfOrder: this.outOfOrder.length ? this.outOfOrder.slice() : EMPTY_QUEUE,
    });
  }
}

const EMPTY_QUEUE: TcbSnapshot['outOfOrder'] = [];
function sameQueue(a: TcbSnapshot['outOfOrder'], b: TcbSnapshot['outOfOrder']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
