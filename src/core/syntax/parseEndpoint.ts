// `endpoint NAME [STATE] [snd=EXPR] [rcv=EXPR] [win=N] [as "LABEL"]` (contract 2.2, 4.5.6).
// A declaration with errors still declares the endpoint; an unknown or invalid state counts as CLOSED and
// then its fields are not judged. Mirroring and the peer's state are the validator's to check.
import { LineTokens, Tok } from './lexer.ts';
import { ExprNode, NameNode, rangeOf } from './nodes.ts';
import { countValue, evalExpr, exprEnd, exprValue, found, isFieldStart, parseStateAt, report, statementRange, type LineSink } from './parseCommon.ts';
import { nearest } from '../suggest.ts';
import type { EndpointStatement, Range, StateRef } from './syntax.ts';

const ENDPOINT_FIELDS = ['snd', 'rcv', 'win'] as const;
const isAs = (t: LineTokens, i: number) => t.isWord(i) && t.tokenText(i).toLowerCase() === 'as';

export function parseEndpoint(t: LineTokens, sink: LineSink): EndpointStatement | undefined {
  const line = t.line;
  if (!t.isWord(1)) {
    report(sink, 'syntax-error', line, t.start[0], t.end[t.count - 1], 'parser.endpoint.syntax', { found: found(t, 0) });
    return undefined;
  }
  const ep: EndpointStatement = { kind: 'endpoint', line, range: statementRange(t), name: new NameNode(t.internedText(1), line, t.start[1], t.end[1]) };
  let i = 2;
  let initial: StateRef | undefined;
  if (i < t.count && !isAs(t, i) && !isFieldStart(t, i)) {
    const parsed = parseStateAt(t, i, sink);
    if (parsed) { initial = parsed.ref; i = parsed.next; } else i++;
  }
  if (initial) ep.initial = initial;
  // an unknown or invalid state counts as CLOSED, and its fields are not judged (4.5.6)
  let judged = initial === undefined || initial.state !== undefined;
  if (initial?.state && initial.state !== 'CLOSED' && initial.state !== 'LISTEN' && initial.state !== 'ESTABLISHED') {
    const r = initial.range;
    report(sink, 'invalid-initial-state', line, r.start.character, r.end.character, 'parser.endpoint.invalidInitial', { found: initial.state });
    judged = false;
  }
  const state = initial?.state ?? 'CLOSED';
  let seen = 0;
  while (i < t.count) {
    if (isFieldStart(t, i)) { i = endpointField(t, i, ep, sink, judged ? state : undefined, seen, (bit) => { seen |= bit; }); continue; }
    if (isAs(t, i)) { i = label(t, i, ep, sink); continue; }
    report(sink, 'syntax-error', line, t.start[i], t.end[t.count - 1], 'parser.endpoint.extra', { found: found(t, i) });
    break;
  }
  return ep;
}

/** One `snd=`, `rcv=` or `win=` field; `state` undefined when the fields are not judged. Returns the next token. */
function endpointField(t: LineTokens, i: number, ep: EndpointStatement, sink: LineSink, state: string | undefined, seen: number, see: (bit: number) => void): number {
  const line = t.line;
  const nameText = t.tokenText(i);
  const name = nameText.toLowerCase();
  const ns = t.start[i];
  const j = i + 2;
  let end = j < t.count && t.kind[j] === Tok.String ? j + 1 : exprEnd(t, j);
  if (end === j && j < t.count && !t.isPunct(j, '=>') && !isFieldStart(t, j) && !isAs(t, j)) end = j + 1;
  const ve = end > j ? t.end[end - 1] : t.end[i + 1];
  if (state === undefined) return end;
  const k = ENDPOINT_FIELDS.indexOf(name as typeof ENDPOINT_FIELDS[number]);
  if (k < 0) {
    const suggestion = nearest(nameText, ENDPOINT_FIELDS);
    if (suggestion) report(sink, 'syntax-error', line, ns, t.end[i], 'parser.endpoint.unknownFieldSuggest', { found: nameText, suggestion });
    else report(sink, 'syntax-error', line, ns, t.end[i], 'parser.endpoint.unknownField', { found: nameText });
    return end;
  }
  if (state !== 'ESTABLISHED') {
    report(sink, 'syntax-error', line, ns, ve, 'parser.endpoint.fieldNeedsEstablished', { field: name, endpoint: ep.name.name, state });
    return end;
  }
  const bit = 1 << k;
  if (seen & bit) { report(sink, 'duplicate-field', line, ns, ve, 'parser.field.duplicate', { field: name }); return end; }
  see(bit);
  if (end === j) { report(sink, 'syntax-error', line, ns, ve, 'parser.field.noValue', { field: name, example: name === 'win' ? 'win=65535' : `${name}=42` }); return end; }
  if (name === 'win') {
    const n = countValue(t, j, end, name, sink);
    if (n !== undefined) { ep.win = n; ep.winRange = rangeOf(line, t.start[j], ve); }
  } else if (evalExpr(t, j, end, sink)) {
    const e = new ExprNode(t.code, exprValue.offset, line, t.start[j], ve);
    if (exprValue.symbol >= 0) { e.symbol = t.internedText(exprValue.symbol); e.ss = t.start[exprValue.symbol]; e.se = t.end[exprValue.symbol]; }
    if (name === 'snd') ep.snd = e; else ep.rcv = e;
  }
  return end;
}

/** `as "LABEL"` (or an unquoted label: the rest of the line). Returns the next token. */
function label(t: LineTokens, i: number, ep: EndpointStatement, sink: LineSink): number {
  const line = t.line;
  i++;
  let labelRange: Range;
  if (i < t.count && t.kind[i] === Tok.String) {
    ep.label = t.strings[i] ?? '';
    labelRange = rangeOf(line, t.start[i], t.end[i]);
    if (!t.closed[i]) report(sink, 'syntax-error', line, t.start[i], t.end[i], 'parser.endpoint.labelUnclosed');
    i++;
  } else if (i < t.count) {
    ep.label = t.text.slice(t.start[i], t.codeEnd);
    labelRange = rangeOf(line, t.start[i], t.codeEnd);
    i = t.count;
  } else {
    report(sink, 'syntax-error', line, t.start[i - 1], t.end[i - 1], 'parser.endpoint.labelMissing');
    return i;
  }
  ep.labelRange = labelRange;
  return i;
}
