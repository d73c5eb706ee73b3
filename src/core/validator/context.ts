// What the rules share while a file runs: the TCBs, the diagnostics, the symbols and their binding (2.3).
import type { SegmentResult, SymbolBinding } from '../analysis.ts';
import { DiagnosticSink, type Finding } from '../diagnostics.ts';
import { add, concrete, Notation, unknown, type Value } from '../sequence.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { Tcb, Where } from './tcb.ts';
import type { Wire } from './wire.ts';

/** A SYN or FIN an endpoint received and must acknowledge before the end of the file. */
export interface PendingAck { owner: number; octet: Value; what: 'SYN' | 'FIN'; wire: Wire; at: Where }

export class Context {
  readonly sink = new DiagnosticSink();
  readonly notation = new Notation();
  readonly symbols = new Map<string, SymbolBinding>();
  readonly segments: SegmentResult[] = [];
  readonly pending: PendingAck[] = [];
  private readonly anonymous = new Set<string>();

  constructor(readonly tcbs: Tcb[]) {}

  peer(t: Tcb): Tcb { return this.tcbs[1 - t.index]; }
  fmt(v: Value | undefined): string { return v === undefined ? '?' : this.notation.format(v); }

  report(f: Finding): void { this.sink.add(f); }

  /**
   * The value of the segment's seq or ack field. A symbol seen for the first time takes the expected value
   * (minus the constant written beside it); where nothing is expected it becomes a new unknown. A field
   * left out is the expected value, or a fresh unknown named after `fallbackName` when nothing is expected.
   */
  resolve(seg: SegmentNode, field: 'seq' | 'ack', expected: Value | undefined, fallbackName?: string): Value | undefined {
    const written = field === 'seq' ? seg.hasSeq : seg.hasAck;
    if (!written) {
      if (expected !== undefined || fallbackName === undefined) return expected;
      const name = this.anonymous.has(fallbackName) ? `${fallbackName}#${this.anonymous.size + 1}` : fallbackName;
      this.anonymous.add(name);
      return unknown(name);
    }
    const symbol = field === 'seq' ? seg.seqSym : seg.ackSym;
    const offset = field === 'seq' ? seg.seqOff : seg.ackOff;
    if (symbol === undefined) return expected && expected.base === undefined && expected.off === (offset | 0) ? expected : concrete(offset);
    let binding = this.symbols.get(symbol);
    if (!binding) {
      const isNew = expected === undefined;
      const value = isNew ? unknown(symbol) : add(expected, -offset);
      const expr = seg[field]!;
      binding = { name: symbol, value, unknown: isNew, line: seg.line, range: expr.symbolRange ?? expr.range };
      this.symbols.set(symbol, binding);
      this.notation.alias(symbol, value);
    }
    const v = binding.value;
    if (expected && expected.base === v.base && expected.off === ((v.off + offset) | 0)) return expected; // share, do not copy
    return add(v, offset);
  }

  /** A SYN or FIN received in order: remember it until the receiver acknowledges it. */
  expectAck(owner: Tcb, octet: Value, what: 'SYN' | 'FIN', wire: Wire, at: Where): void {
    this.pending.push({ owner: owner.index, octet, what, wire, at });
  }

  /** The sender acknowledged everything below `ack`. */
  acknowledged(sender: Tcb, ack: Value): void {
    if (this.pending.length === 0) return;
    let w = 0;
    for (const p of this.pending) {
      const d = p.owner === sender.index && p.octet.base === ack.base ? ((ack.off - p.octet.off) | 0) : 0;
      if (d <= 0) this.pending[w++] = p;
    }
    this.pending.length = w;
  }
}

export function zero(): Value { return concrete(0); }
