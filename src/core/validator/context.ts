// What the rules share while a file runs: the TCBs, the findings, the symbols and their binding (2.3),
// the segments in flight. A look-ahead (4.4) runs on a `trial()` copy: the TCBs are copied, the symbols and
// the sent-start sets are layered over the real ones, findings are only counted.
import type { SegmentResult, SymbolBinding } from '../analysis.ts';
import { DiagnosticSink, SEVERITY_OF, type Finding } from '../diagnostics.ts';
import { t } from '../i18n/format.ts';
import type { ParamValue } from '../i18n/types.ts';
import { add, concrete, Notation, unknown, type Value } from '../sequence.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { NameRef } from '../syntax/syntax.ts';
import type { Tcb, Where } from './tcb.ts';
import type { Wire } from './wire.ts';

/** A SYN or FIN an endpoint received and must acknowledge before the end of the file. */
export interface PendingAck { owner: number; octet: Value; what: 'SYN' | 'FIN'; wire: Wire; at: Where }

/**
 * A map a look-ahead can write to without touching the real run: a layer reads through to its parent and
 * keeps its own writes (symbols, segment ids, delivered ids all grow with the file; copying them at every
 * slip would make a long file with many slips quadratic).
 */
export class LayeredMap<V> {
  readonly map = new Map<string, V>();
  constructor(private readonly parent?: LayeredMap<V>) {}
  get(key: string): V | undefined { return this.map.get(key) ?? this.parent?.get(key); }
  has(key: string): boolean { return this.map.has(key) || (this.parent?.has(key) ?? false); }
  set(key: string, v: V): void { this.map.set(key, v); }
  layer(): LayeredMap<V> { return new LayeredMap(this); }
}

/** Where findings go: the real diagnostics, or a count of errors and warnings during a look-ahead. */
export interface Reporter { add(f: Finding): unknown }

export class CountingSink implements Reporter {
  count = 0;
  private readonly seen = new Set<string>();
  add(f: Finding): void {
    if (f.segment !== undefined) {
      const key = `${f.segment}:${f.code}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    if ((f.severity ?? SEVERITY_OF[f.code]) !== 'info') this.count++;
  }
}

/** Prefix of unknowns the file never wrote (a value filled in where nothing was known): never printed as is. */
export const ANONYMOUS = '#';
/** An unknown standing for an ESTABLISHED side's number that no line has written yet: never checked (4.4). */
export const NOT_KNOWN_YET = '#?';
/** An ISN the file never named (a SYN without seq=): printed as "client's ISN". */
const ISN = '#isn:';

/** What a left-out field becomes when nothing is expected there (2.3, 4.4). */
export type Fill = 'drop' | 'not-known-yet' | { isnOf: string };

/** True for a value the receiver must not check: one no line has written yet (2.2, 4.4). */
export function notKnownYet(v: Value | undefined): boolean { return v?.base?.startsWith(NOT_KNOWN_YET) ?? false; }

/** A value no line wrote (an ISN left out, an ESTABLISHED number not written yet) cannot be compared with
 *  what the file writes: such a comparison is skipped instead of reported (4.4, never a cascade). */
export function blind(expected: Value | undefined, found: Value | undefined): boolean {
  if (expected === undefined || found === undefined || expected.base === found.base) return false;
  const unchecked = (v: Value) => v.base !== undefined && (v.base.startsWith(NOT_KNOWN_YET) || v.base.startsWith(ISN));
  return unchecked(expected) || unchecked(found);
}

export class Context {
  sink: Reporter;
  readonly realSink: DiagnosticSink;
  notation: Notation;
  symbols: LayeredMap<SymbolBinding>;
  segments: SegmentResult[];
  pending: PendingAck[] = [];
  /** Segments in flight by id (`#index` for one that can never be delivered). */
  inFlight = new Map<string, Wire>();
  /** Delivered ids and the line where. */
  delivered = new LayeredMap<number>();
  /** Segment ids and where each was first used. */
  ids = new LayeredMap<NameRef>();
  /** ids of `~>` lines that did not run: a `deliver` of them says nothing more (4.4). */
  deadIds = new LayeredMap<true>();
  /** Lines where the real run has an error on a segment's own line (parse errors included), 4.4. */
  errorLines: Set<number>;
  /** True while running a look-ahead: no nested look-ahead, no steps, findings only counted. */
  trialMode = false;
  private anonymousCount = 0;

  constructor(readonly tcbs: Tcb[], errorLines: Set<number>) {
    this.realSink = new DiagnosticSink();
    this.sink = this.realSink;
    this.notation = new Notation();
    this.symbols = new LayeredMap<SymbolBinding>();
    this.segments = [];
    this.errorLines = errorLines;
  }

  /** A copy to try a reading on (4.4). */
  trial(): Context {
    const c = Object.create(Context.prototype) as Context;
    Object.assign(c, this);
    (c as { tcbs: Tcb[] }).tcbs = this.tcbs.map((x) => x.clone());
    c.sink = new CountingSink();
    c.symbols = this.symbols.layer();
    c.pending = this.pending.slice();
    c.inFlight = new Map(this.inFlight);
    c.delivered = this.delivered.layer();
    c.ids = this.ids.layer();
    c.deadIds = this.deadIds.layer();
    c.segments = [];
    c.trialMode = true;
    return c;
  }

  peer(x: Tcb): Tcb { return this.tcbs[1 - x.index]; }

  /** A value for a message: in the file's notation; an unknown the file never named reads as words. */
  val(v: Value | undefined): ParamValue {
    if (v?.base?.startsWith(ISN)) {
      const endpoint = v.base.slice(ISN.length, v.base.lastIndexOf(':'));
      return v.off === 0 ? t('value.isn', { endpoint }) : t('value.isnPlus', { endpoint, n: v.off | 0 });
    }
    if (v === undefined || (v.base !== undefined && v.base.startsWith(ANONYMOUS))) return t('value.unknown');
    return this.notation.format(v);
  }
  /** The same, as plain text for `params` (quick fixes read them). */
  plain(v: Value | undefined): string {
    if (v === undefined || (v.base !== undefined && v.base.startsWith(ANONYMOUS))) return '';
    return this.notation.format(v);
  }

  report(f: Finding): void { this.sink.add(f); }

  /** The result record of a segment; a look-ahead writes into a scratch one. */
  result(w: Wire): SegmentResult {
    if (!this.trialMode) return this.segments[w.index];
    return (this.segments[0] ??= { statement: w.stmt, from: w.from, to: w.to });
  }

  newUnknown(fill: Fill = 'drop'): Value {
    const n = ++this.anonymousCount;
    if (fill === 'drop') return unknown(`${ANONYMOUS}${n}`);
    if (fill === 'not-known-yet') return unknown(`${NOT_KNOWN_YET}${n}`);
    return unknown(`${ISN}${fill.isnOf}:${n}`);
  }

  /**
   * The value of the segment's seq or ack field (2.3). A symbol seen for the first time takes the expected
   * value (minus the constant written beside it); where nothing is expected it becomes a new unknown. A field
   * left out is the expected value, or a new unknown the file never names when nothing is expected.
   */
  resolve(seg: SegmentNode, field: 'seq' | 'ack', expected: Value | undefined, fill: Fill = 'drop'): Value {
    const written = field === 'seq' ? seg.hasSeq : seg.hasAck;
    if (!written) return expected ?? this.newUnknown(fill);
    const symbol = field === 'seq' ? seg.seqSym : seg.ackSym;
    const offset = field === 'seq' ? seg.seqOff : seg.ackOff;
    if (symbol === undefined) return expected && expected.base === undefined && expected.off === (offset | 0) ? expected : concrete(offset);
    const expr = seg[field]!;
    return this.bind(symbol, offset, expected, seg.line, () => expr.symbolRange ?? expr.range);
  }

  /** `symbol + offset` where `expected` is the right value (undefined: any value, a new unknown). */
  bind(symbol: string, offset: number, expected: Value | undefined, line: number, range: () => SymbolBinding['range']): Value {
    let binding = this.symbols.get(symbol);
    if (!binding) {
      const isNew = expected === undefined;
      const value = isNew ? unknown(symbol) : add(expected, -offset);
      binding = { name: symbol, value, unknown: isNew, line, range: this.trialMode ? { start: { line, character: 0 }, end: { line, character: 0 } } : range() };
      this.symbols.set(symbol, binding);
      if (!this.trialMode) this.notation.alias(symbol, value);
    }
    const v = binding.value;
    if (expected && expected.base === v.base && expected.off === ((v.off + offset) | 0)) return expected; // share, do not copy
    return add(v, offset);
  }

  /** A SYN or FIN received in order: remember it until the receiver acknowledges it. */
  expectAck(owner: Tcb, octet: Value, what: 'SYN' | 'FIN', wire: Wire, at: Where): void {
    this.pending.push({ owner: owner.index, octet, what, wire, at });
  }

  /** The sender acknowledged everything below `ack` (all it received, when `ack` is undefined). */
  acknowledged(sender: Tcb, ack: Value | undefined): void {
    if (this.pending.length === 0) return;
    let w = 0;
    for (const p of this.pending) {
      const mine = p.owner === sender.index;
      const d = !mine ? 0 : ack === undefined ? 1 : p.octet.base === ack.base ? ((ack.off - p.octet.off) | 0) : 0;
      if (d <= 0) this.pending[w++] = p;
    }
    this.pending.length = w;
  }

  /** The endpoint forgot its connection (RST, crash): nothing it received is owed an ACK any more. */
  forget(owner: Tcb): void {
    let w = 0;
    for (const p of this.pending) if (p.owner !== owner.index) this.pending[w++] = p;
    this.pending.length = w;
  }
}

export function zero(): Value { return concrete(0); }
