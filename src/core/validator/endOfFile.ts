// The end-of-file checks (4.2): SYNs and FINs never acknowledged, segments never delivered, RSTs never sent.
import { t } from '../i18n/format.ts';
import { add } from '../sequence.ts';
import type { Context } from './context.ts';
import { reportRstsNeverSent } from './lookahead.ts';

export function reportEndOfFile(ctx: Context): void {
  reportRstsNeverSent(ctx);
  for (const p of ctx.pending) {
    const owner = ctx.tcbs[p.owner];
    const expected = ctx.val(add(p.octet, 1));
    ctx.report({
      code: 'unacknowledged', range: p.at.range, segment: p.wire.index,
      text: t(p.what === 'SYN' ? 'unacknowledged.syn' : 'unacknowledged.fin', { endpoint: owner.name, seq: ctx.val(p.octet), expected }),
      params: { endpoint: owner.name, what: p.what, expected: ctx.plain(add(p.octet, 1)) },
    });
  }
  for (const [id, w] of ctx.inFlight) {
    ctx.report({
      code: 'undelivered', range: w.stmt.arrowRange, segment: w.index,
      text: t('undelivered', { id }), params: { id },
    });
  }
}
