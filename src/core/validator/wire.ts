// A segment on the wire: what the sender put in it, resolved to values, in the reading kept (4.4).
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
  win?: number;
  old: boolean;
  /** The segment's own line has an error (4.4): the receiver reports no warning about it. */
  sendError: boolean;
  /** The segment was taken whole at its sender's window (`window-exceeded`, read as meant, 4.2 step 6). */
  pastWindow: boolean;
}

/** Sequence space the segment occupies: SYN and FIN count one each. */
export function segmentLength(w: { len: number; syn: boolean; fin: boolean }): number { return w.len + (w.syn ? 1 : 0) + (w.fin ? 1 : 0); }

/** The flags as written on the wire (`SYN+ACK`, `FIN+ACK`). */
export function flagText(w: Wire): string {
  const f: string[] = [];
  if (w.syn) f.push('SYN');
  if (w.fin) f.push('FIN');
  if (w.rst) f.push('RST');
  if (w.stmt.flags.includes('PSH')) f.push('PSH');
  if (w.ack) f.push('ACK');
  return f.join('+') || w.stmt.flags.join('+');
}
