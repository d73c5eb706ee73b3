// `rst-expected` (4.2): a receiver that must answer with RST, and the look-ahead at its next segment.
import { t } from '../i18n/format.ts';
import type { Text } from '../i18n/types.ts';
import { add } from '../sequence.ts';
import type { Context } from './context.ts';
import type { OwedRst, Tcb, Where } from './tcb.ts';
import { flagText, segmentLength, type Wire } from './wire.ts';

/** The receiver answers `w` with a RST; its next segment in the file should be that RST. */
export function oweRst(ctx: Context, r: Tcb, w: Wire, at: Where, why: OwedRst['why']): void {
  if (r.owedRst) reportMissedRst(ctx, r);
  r.owedRst = { wire: w, at, why, silent: w.sendError };
}

/** The RST that answers `w` (RFC 9293 3.10.7), as a Text: `RST seq=x+1` or `RST+ACK seq=0 ack=y+1`. */
export function expectedRst(ctx: Context, w: Wire): Text {
  if (w.ack) return t('rst.form.seq', { seq: ctx.val(w.ackValue) });
  return w.seq === undefined ? t('rst.form.zero') : t('rst.form.ack', { ack: ctx.val(add(w.seq, segmentLength(w))) });
}

function report(ctx: Context, r: Tcb, owed: OwedRst, end: boolean): void {
  if (owed.silent) return;
  ctx.report({
    code: 'rst-expected', range: owed.at.range, segment: owed.wire.index,
    text: t(end ? 'rst-expected.never' : 'rst-expected.next', {
      endpoint: r.name, flags: flagText(owed.wire), rst: expectedRst(ctx, owed.wire), why: t(`rst.why.${owed.why}`, { endpoint: r.name }),
    }),
    params: { endpoint: r.name },
  });
}

/** The endpoint sends something other than the RST it owes. */
export function reportMissedRst(ctx: Context, r: Tcb): void {
  const owed = r.owedRst;
  if (!owed) return;
  r.owedRst = undefined;
  report(ctx, r, owed, false);
}

/** End of file: RSTs still owed were never sent. */
export function reportRstsNeverSent(ctx: Context): void {
  for (const r of ctx.tcbs) {
    const owed = r.owedRst;
    if (!owed) continue;
    r.owedRst = undefined;
    report(ctx, r, owed, true);
  }
}
