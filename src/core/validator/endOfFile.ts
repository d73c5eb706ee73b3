// The end-of-file checks (4.2): SYNs and FINs never acknowledged, segments never delivered, RSTs never sent.
import { add } from '../sequence.ts';
import type { Context } from './context.ts';
import { reportRstsNeverSent } from './lookahead.ts';
import type { Wire } from './wire.ts';

export function reportEndOfFile(ctx: Context, inFlight: Map<string, Wire>): void {
  reportRstsNeverSent(ctx);
  for (const p of ctx.pending) {
    const owner = ctx.tcbs[p.owner];
    if (owner.closedByRst) continue;
    const expected = ctx.fmt(add(p.octet, 1));
    ctx.report({
      code: 'unacknowledged', range: p.at.range, segment: p.wire.index,
      message: `${owner.name} received this ${p.what} (seq ${ctx.fmt(p.octet)}) but never acknowledges it: a later segment from ${owner.name} should carry ack=${expected}`,
      params: { endpoint: owner.name, what: p.what, expected },
    });
  }
  for (const [key, w] of inFlight) {
    const id = key.startsWith('#') ? undefined : key;
    ctx.report({
      code: 'undelivered', range: w.stmt.arrowRange, segment: w.index,
      message: id
        ? `segment ${id} is sent in flight (\`~>\`) but never delivered: add \`deliver ${id}\`, or write \`-x\` if it is lost`
        : 'this in-flight (`~>`) segment is never delivered: give it an id= and add a `deliver` line, or write `-x` if it is lost',
      params: id ? { id } : {},
    });
  }
}
