// One transmission control block per endpoint (contract section 4).
import type { TcbSnapshot } from '../analysis.ts';
import type { Range, TcpState } from '../syntax.ts';
import type { Value } from '../sequence.ts';
import type { Wire } from './wire.ts';

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
  owedRst?: { wire: Wire; range: Range; why: string };
  /** A RST closed this endpoint's connection (no `unacknowledged` then). */
  closedByRst = false;
  /** Where things happened, for related information in messages. */
  stateSince?: Range;
  sndNxtSince?: Range;
  rcvNxtSince?: Range;

  constructor(readonly name: string, readonly index: number, initial: TcpState) { this.state = initial; }

  /** Forgets the connection (CLOSED, or back to LISTEN). */
  reset(state: TcpState): void {
    this.state = state;
    this.iss = this.sndUna = this.sndNxt = this.irs = this.rcvNxt = this.finSeq = this.lastAckSent = undefined;
    this.outOfOrder = [];
    this.openedFromListen = false;
    this.synAckSent = false;
  }

  snapshot(): TcbSnapshot {
    return {
      state: this.state, iss: this.iss, sndUna: this.sndUna, sndNxt: this.sndNxt, irs: this.irs,
      rcvNxt: this.rcvNxt, finSeq: this.finSeq, outOfOrder: this.outOfOrder.slice(),
    };
  }
}
