// `rst-expected` (4.2): a receiver that must answer with RST, and the look-ahead at its next segment.
import type { Context } from './context.ts';
import type { Tcb, Where } from './tcb.ts';
import { add } from '../sequence.ts';
import { flagText, segmentLength, type Wire } from './wire.ts';

interface Owed { wire: Wire; at: Where; why: string }

/** The receiver answers `w` with a RST; its next segment in the file should be that RST. */
export function oweRst(ctx: Context, r: Tcb, w: Wire, at: Where, why: string): void {
  if (r.owedRst) reportMissedRst(ctx, r);
  r.owedRst = { wire: w, at, why };
}

function expectedRst(ctx: Context, w: Wire): string {
  if (w.ack) return `RST seq=${ctx.fmt(w.ackValue)}`;
  return w.seq === undefined ? 'RST+ACK seq=0' : `RST+ACK seq=0 ack=${ctx.fmt(add(w.seq, segmentLength(w)))}`;
}

function report(ctx: Context, r: Tcb, owed: Owed, what: string): void {
  ctx.report({
    code: 'rst-expected', range: owed.at.range, segment: owed.wire.index,
    message: `${r.name} answers this ${flagText(owed.wire)} with ${expectedRst(ctx, owed.wire)} (${owed.why}), ${what}`,
    params: { endpoint: r.name, expected: expectedRst(ctx, owed.wire) },
  });
}

/** The endpoint sends something other than the RST it owes. */
export function reportMissedRst(ctx: Context, r: Tcb): void {
  const owed = r.owedRst;
  if (!owed) return;
  r.owedRst = undefined;
  report(ctx, r, owed, 'but its next segment is not that RST');
}

/** End of file: RSTs still owed were never sent. */
export function reportRstsNeverSent(ctx: Context): void {
  for (const r of ctx.tcbs) {
    const owed = r.owedRst;
    if (!owed) continue;
    r.owedRst = undefined;
    report(ctx, r, owed, 'but the file never shows that RST');
  }
}
