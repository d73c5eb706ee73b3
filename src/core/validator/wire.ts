// A segment on the wire: what the sender put in it, resolved to values.
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { Value } from '../sequence.ts';

export interface Wire {
  /** Index in Analysis.segments. */
  index: number;
  stmt: SegmentNode;
  from: number;
  to: number;
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
  seq?: Value;
  ackValue?: Value;
  len: number;
  /** The sender marked it as a keep-alive probe. */
  keepAlive: boolean;
}

/** Sequence space the segment occupies: SYN and FIN count one each. */
export function segmentLength(w: Wire): number { return w.len + (w.syn ? 1 : 0) + (w.fin ? 1 : 0); }

export function flagText(w: Wire): string { return w.stmt.flags.join('+'); }
