// One transmission control block per endpoint (contract section 4). A TCB is a handful of fields, so a
// look-ahead (4.4) copies it; the one thing that grows with the file, the set of sequence numbers where
// the endpoint's segments started, is shared copy-on-write through `SentStarts`.
import type { TcbSnapshot } from '../analysis.ts';
import type { Range, TcpState } from '../syntax/syntax.ts';
import type { Value } from '../sequence.ts';
import type { Wire } from './wire.ts';

/** Something with a place in the document (a statement, a name); its range is built only when asked. */
export interface Where { readonly range: Range }

/** A segment the endpoint must answer with RST (4.2); `silent`: no `rst-expected` if it never does (4.4). */
export interface OwedRst { wire: Wire; at: Where; why: 'closed' | 'listen-ack' | 'syn-sent-ack' | 'syn-received-ack'; silent: boolean }

/** Where an endpoint's segments started (for the retransmission start rule, 4.1). */
export class SentStarts {
  private readonly own = new Map<string | undefined, Set<number>>();
  constructor(private readonly parent?: SentStarts) {}
  add(v: Value): void {
    let set = this.own.get(v.base);
    if (!set) this.own.set(v.base, (set = new Set()));
    set.add(v.off);
  }
  has(v: Value): boolean {
    return this.own.get(v.base)?.has(v.off) === true || (this.parent?.has(v) ?? false);
  }
  /** A layer for a look-ahead: reads through to this one, writes stay in the layer. */
  layer(): SentStarts { return new SentStarts(this); }
}

export class Tcb {
  state: TcpState;
  iss?: Value;
  sndUna?: Value;
  sndNxt?: Value;
  irs?: Value;
  rcvNxt?: Value;
  finSeq?: Value;
  outOfOrder: { start: Value; end: Value; fin: boolean }[] = [];
  /** SND.WND (4.1, window): undefined = no limit known. */
  sndWnd?: number;
  /** The window this endpoint last advertised. */
  rcvWnd?: number;
  starts = new SentStarts();
  /** How the connection was opened: from LISTEN (a RST in SYN_RECEIVED goes back there) or actively. */
  openedFromListen = false;
  /** In SYN_RECEIVED: whether this endpoint has sent its SYN+ACK. */
  synAckSent = false;
  /** The ack of the last segment this endpoint sent with ACK (for keep-alive probes). */
  lastAckSent?: Value;
  /** Declared ESTABLISHED and has sent nothing since: the declaration counts as having acknowledged all. */
  declaredIdle = false;
  owedRst?: OwedRst;
  /** A RST or a crash ended this endpoint's connection: what it received before is not `unacknowledged`. */
  forgot = false;
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
    this.sndWnd = this.rcvWnd = undefined;
    this.outOfOrder = [];
    this.openedFromListen = false;
    this.synAckSent = false;
    this.declaredIdle = false;
  }

  /** A copy for a look-ahead; `starts` becomes a layer over this TCB's. */
  clone(): Tcb {
    const c = Object.assign(Object.create(Tcb.prototype) as Tcb, this);
    c.outOfOrder = this.outOfOrder.slice();
    c.starts = this.starts.layer();
    c.last = undefined;
    return c;
  }

  /** The TCB now; the previous snapshot is reused when nothing changed (most events change one side). */
  snapshot(): TcbSnapshot {
    const l = this.last;
    if (l && l.state === this.state && l.iss === this.iss && l.sndUna === this.sndUna && l.sndNxt === this.sndNxt &&
      l.irs === this.irs && l.rcvNxt === this.rcvNxt && l.finSeq === this.finSeq && l.sndWnd === this.sndWnd &&
      l.rcvWnd === this.rcvWnd && sameQueue(l.outOfOrder, this.outOfOrder)) return l;
    return (this.last = {
      state: this.state, iss: this.iss, sndUna: this.sndUna, sndNxt: this.sndNxt, irs: this.irs,
      rcvNxt: this.rcvNxt, finSeq: this.finSeq, outOfOrder: this.outOfOrder.length ? this.outOfOrder.slice() : EMPTY_QUEUE,
      sndWnd: this.sndWnd, rcvWnd: this.rcvWnd,
    });
  }
}

const EMPTY_QUEUE: TcbSnapshot['outOfOrder'] = [];
function sameQueue(a: TcbSnapshot['outOfOrder'], b: TcbSnapshot['outOfOrder']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
