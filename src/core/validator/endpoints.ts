// Who the two endpoints are (contract 2.2): declared, or the first two names used in segment lines; and
// the numbers of a connection that already exists (`endpoint A ESTABLISHED snd= rcv= win=`).
import type { EndpointInfo } from '../analysis.ts';
import type { Finding } from '../diagnostics.ts';
import { t } from '../i18n/format.ts';
import { equal, type Value } from '../sequence.ts';
import type { SegmentNode } from '../syntax/parseSegment.ts';
import type { EndpointStatement, Expr, NameRef, Statement, TcpState } from '../syntax/syntax.ts';
import type { Context } from './context.ts';

export interface EndpointTable {
  endpoints: EndpointInfo[];
  /** Index of a name, or −1. */
  indexOf(name: string): number;
  declaredMode: boolean;
  /** The declaration of each endpoint (declared mode). */
  declarations: (EndpointStatement | undefined)[];
  /** True when `too-many-endpoints` was already reported at this name's place. */
  reportedThird(ref: NameRef): boolean;
}

const START_STATES = new Set<TcpState>(['CLOSED', 'LISTEN', 'ESTABLISHED']);

export function resolveEndpoints(statements: Statement[], report: (f: Finding) => void): EndpointTable {
  const endpoints: EndpointInfo[] = [];
  const declarations: (EndpointStatement | undefined)[] = [];
  const byName = new Map<string, number>();
  const thirds = new Set<string>();
  const third = (ref: NameRef, names: string) => {
    thirds.add(`${ref.range.start.line}:${ref.range.start.character}`);
    report({ code: 'too-many-endpoints', range: ref.range, text: t('too-many-endpoints', { endpoint: ref.name, names }), params: { endpoint: ref.name } });
  };
  const declared = statements.filter((s): s is EndpointStatement => s.kind === 'endpoint');
  const declaredMode = declared.length > 0;
  if (declaredMode) {
    for (const d of declared) {
      const name = d.name.name;
      const at = byName.get(name);
      if (at !== undefined) {
        const first = endpoints[at].range;
        report({ code: 'duplicate-endpoint', range: d.name.range, text: t('duplicate-endpoint', { endpoint: name, line: first.start.line + 1 }), params: { endpoint: name }, related: [{ range: first, text: t('related.declared', { endpoint: name }) }] });
        continue;
      }
      if (endpoints.length === 2) { third(d.name, endpoints.map((e) => e.name).join(', ')); continue; }
      const state = d.initial?.state;
      const initial: TcpState = state && START_STATES.has(state) ? state : 'CLOSED';
      if (endpoints.length === 1 && (initial === 'ESTABLISHED') !== (endpoints[0].initial === 'ESTABLISHED')) {
        const other = endpoints[0];
        report({
          code: 'invalid-initial-state', range: d.initial?.range ?? d.name.range,
          text: t(initial === 'ESTABLISHED' ? 'invalid-initial-state.peerNot' : 'invalid-initial-state.peerIs', { endpoint: name, peer: other.name, state: other.initial }),
          params: { found: initial, endpoint: name },
        });
      }
      byName.set(name, endpoints.length);
      declarations.push(d);
      endpoints.push({ name, label: d.label ?? name, initial, range: d.name.range, declared: true });
    }
  } else {
    implicitEndpoints(statements, endpoints, byName, third);
  }
  return {
    endpoints, declaredMode, declarations, indexOf: (name) => byName.get(name) ?? -1,
    reportedThird: (ref) => thirds.has(`${ref.range.start.line}:${ref.range.start.character}`),
  };
}

function implicitEndpoints(statements: Statement[], endpoints: EndpointInfo[], byName: Map<string, number>, third: (ref: NameRef, names: string) => void): void {
  const listenFirst = new Set<string>();
  let sawSegment = false;
  const use = (name: string, at: () => NameRef) => {
    if (!name || byName.has(name)) return;
    const ref = at();
    if (endpoints.length === 2) { third(ref, endpoints.map((e) => e.name).join(', ')); return; }
    byName.set(ref.name, endpoints.length);
    endpoints.push({ name: ref.name, label: ref.name, initial: 'CLOSED', range: ref.range, declared: false });
  };
  for (const s of statements) {
    if (s.kind === 'action' && s.action === 'listen' && !sawSegment) listenFirst.add(s.endpoint.name);
    if (s.kind !== 'segment') continue;
    const node = s as SegmentNode;
    use(node.srcName, () => s.src);
    use(node.dstName, () => s.dst);
    if (!sawSegment) {
      sawSegment = true;
      const other = endpoints[1];
      if (other && !listenFirst.has(other.name)) other.initial = 'LISTEN';
    }
  }
}

/**
 * Sets up the TCBs of a connection that already exists (2.2): SND.NXT = SND.UNA = snd, RCV.NXT = rcv, the
 * windows; a value given on one side only is taken for the other; values that do not mirror are
 * `invalid-initial-state` on the second declaration.
 */
export function establish(ctx: Context, table: EndpointTable, report: (f: Finding) => void): void {
  if (table.endpoints.length !== 2 || table.endpoints.some((e) => e.initial !== 'ESTABLISHED')) return;
  const [a, b] = ctx.tcbs;
  const [da, db] = table.declarations;
  const value = (e: Expr | undefined, expected: Value | undefined, line: number): Value | undefined => {
    if (!e) return undefined;
    if (e.symbol === undefined) return { off: e.offset | 0 };
    return ctx.bind(e.symbol, e.offset, expected, line, () => e.symbolRange ?? e.range);
  };
  const aSnd = value(da?.snd, undefined, da?.line ?? 0);
  const aRcv = value(da?.rcv, undefined, da?.line ?? 0);
  const bSnd = value(db?.snd, aRcv, db?.line ?? 0);
  const bRcv = value(db?.rcv, aSnd, db?.line ?? 0);
  const mismatch = (mine: Expr, theirs: Value, field: 'snd' | 'rcv', peerField: 'snd' | 'rcv', got: Value) => report({
    code: 'invalid-initial-state', range: mine.range,
    text: t('invalid-initial-state.mirror', { endpoint: b.name, field, peer: a.name, peerField, expected: ctx.val(theirs), found: ctx.val(got) }),
    params: { endpoint: b.name, expected: ctx.plain(theirs), found: ctx.plain(got) },
  });
  if (db?.snd && aRcv && bSnd && !equal(bSnd, aRcv)) mismatch(db.snd, aRcv, 'snd', 'rcv', bSnd);
  if (db?.rcv && aSnd && bRcv && !equal(bRcv, aSnd)) mismatch(db.rcv, aSnd, 'rcv', 'snd', bRcv);
  const aNext = aSnd ?? bRcv;
  const bNext = aRcv ?? bSnd;
  a.sndNxt = a.sndUna = aNext; b.rcvNxt = aNext;
  b.sndNxt = b.sndUna = bNext; a.rcvNxt = bNext;
  for (const [x, d] of [[a, da], [b, db]] as const) {
    x.declaredIdle = true;
    x.stateSince = x.sndNxtSince = x.rcvNxtSince = d;
    if (d?.win !== undefined) { x.rcvWnd = d.win; ctx.peer(x).sndWnd = d.win; }
  }
}
