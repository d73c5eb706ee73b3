// Pieces of syntax shared by several statements: ranges, findings, state names, assertions, values.
import type { DiagnosticCode } from '../analysis.ts';
import type { Finding } from '../diagnostics.ts';
import { t as text } from '../i18n/format.ts';
import { LineTokens, Tok } from './lexer.ts';
import { parseState, STATES } from '../states.ts';
import { nearest } from '../suggest.ts';
import { AssertionNode, NameNode, StateNode } from './nodes.ts';
import type { Assertion, Blank, Range } from './syntax.ts';

/** Where a line's findings and exercise blanks go. */
export interface LineSink {
  findings: Finding[];
  blanks: Blank[];
  /** Report every problem, also on a line that does not run (the formatter asks; the checker reports the first). */
  everyProblem?: boolean;
}

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A finding with its message from the parser catalog (`parser.*`); `params` also serve quick fixes. */
export function report(sink: LineSink, code: DiagnosticCode, line: number, s: number, e: number, id: string, params?: Record<string, string | number>): void {
  sink.findings.push(makeFinding(code, line, s, e, id, params));
}

export function makeFinding(code: DiagnosticCode, line: number, s: number, e: number, id: string, params?: Record<string, string | number>): Finding {
  const f: Finding = { code, range: range(line, s, e), text: text(id, params) };
  if (params) f.params = params;
  return f;
}

/** The code part of the line: first token to the last one before any comment. */
export function statementRange(t: LineTokens): Range {
  return range(t.line, t.count ? t.start[0] : 0, t.count ? t.end[t.count - 1] : t.codeEnd);
}

/** Text of tokens from..to-1 as written (shortened for messages). */
export function found(t: LineTokens, from: number, to = t.count): string {
  if (from >= to) return '';
  const s = t.text.slice(t.start[from], t.end[to - 1]);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** A NAME: `[A-Za-z_][A-Za-z0-9_]*` (the lexer's words). */
export function isName(t: LineTokens, i: number): boolean { return t.isWord(i); }

/** `NAME=` starts a field here (`=` alone, not `=>` or `==`). */
export function isFieldStart(t: LineTokens, i: number): boolean { return t.isWord(i) && t.isPunct(i + 1, '='); }

/**
 * Reads a state name at token i, joining adjacent pieces (`SYN-SENT`, `FIN-WAIT-1`).
 * Reports `unknown-state` (with the nearest name) and still returns the reference, without `state`.
 */
export function parseStateAt(t: LineTokens, i: number, sink: LineSink): { ref: StateNode; next: number } | undefined {
  if (i >= t.count || (t.kind[i] !== Tok.Word && t.kind[i] !== Tok.Number)) {
    if (i < t.count) report(sink, 'syntax-error', t.line, t.start[i], t.end[i], 'parser.state.expected', { found: t.tokenText(i) });
    else report(sink, 'syntax-error', t.line, t.codeEnd, t.codeEnd, 'parser.state.expectedAtEnd');
    return undefined;
  }
  let j = i;
  while (t.adjacent(j) && t.isPunct(j + 1, '-') && t.adjacent(j + 1) && (t.kind[j + 2] === Tok.Word || t.kind[j + 2] === Tok.Number)) j += 2;
  const name = t.intern(t.start[i], t.end[j]);
  const ref = new StateNode(name, t.line, t.start[i], t.end[j]);
  const state = parseState(name);
  if (state) ref.state = state;
  else {
    const suggestion = nearest(name, STATES);
    if (suggestion) report(sink, 'unknown-state', t.line, ref.s, ref.e, 'parser.state.unknownSuggest', { found: name, suggestion });
    else report(sink, 'unknown-state', t.line, ref.s, ref.e, 'parser.state.unknown', { found: name, states: STATES.join(', ') });
  }
  return { ref, next: j + 1 };
}

/**
 * `NAME STATE[, NAME STATE]` from token i to the end of the line (`:` or `=` may sit between NAME and STATE).
 * `NAME ?` is an exercise blank: an assertion with `blank`, state text `?` and no state (contract 9).
 */
export function parseAssertions(t: LineTokens, i: number, sink: LineSink): Assertion[] | undefined {
  let out: Assertion[] = [];
  const line = t.line;
  for (;;) {
    if (!t.isWord(i)) {
      if (i < t.count) report(sink, 'syntax-error', line, t.start[i], t.end[i], 'parser.assert.expected', { found: t.tokenText(i) });
      else report(sink, 'syntax-error', line, t.codeEnd, t.codeEnd, 'parser.assert.expectedAtEnd');
      return out.length ? out : undefined;
    }
    const endpoint = new NameNode(t.internedText(i), line, t.start[i], t.end[i]);
    i++;
    if (t.isPunct(i, ':') || t.isPunct(i, '=')) i++;
    if (t.isPunct(i, '?')) {
      const a = new AssertionNode(endpoint, new StateNode('?', line, t.start[i], t.end[i]));
      a.blank = true;
      sink.blanks.push({ kind: 'state', line, range: range(line, t.start[i], t.end[i]), endpoint: endpoint.name });
      out = [...out, a];
      i++;
    } else {
      const parsed = parseStateAt(t, i, sink);
      if (!parsed) return out.length ? out : undefined;
      out = [...out, new AssertionNode(endpoint, parsed.ref)];
      i = parsed.next;
    }
    if (i >= t.count) return out;
    if (t.isPunct(i, ',') || t.isPunct(i, ';')) { i++; continue; }
    if (t.isWord(i)) continue; // `=> client ESTABLISHED server ESTABLISHED`
    report(sink, 'syntax-error', line, t.start[i], t.codeEnd, 'parser.assert.separator', { found: t.tokenText(i) });
    return out;
  }
}

// ---- values (contract 2.3 EXPR) -------------------------------------------------------------

export const MAX = 0xffff_ffff;

/** A term of an EXPR: a number or a symbol that does not start the next field. */
function isTerm(t: LineTokens, k: number): boolean {
  return k < t.count && (t.kind[k] === Tok.Number || (t.kind[k] === Tok.Word && !t.isPunct(k + 1, '=')));
}
const isSign = (t: LineTokens, k: number) => t.isPunct(k, '+') || t.isPunct(k, '-');

/**
 * The end (exclusive) of the value at token j: a maximal EXPR, terms joined by `+` and `-` (a leading sign
 * and a dangling sign included, so that they are reported). A word after it is no part of it.
 */
export function exprEnd(t: LineTokens, j: number): number {
  let k = j;
  if (isSign(t, k)) k++;
  if (!isTerm(t, k)) return k;
  k++;
  while (isSign(t, k)) {
    k++;
    if (!isTerm(t, k)) break;
    k++;
  }
  return k;
}

/** The value of the last `evalExpr`: its constant (mod 2^32) and the token of its symbol (−1: none). */
export const exprValue = { offset: 0, symbol: -1 };

/** A decimal or 0x hex number, or undefined when the text is not one. May exceed 2^32-1. */
export function numberValue(s: string): number | undefined {
  const n = s.length;
  if (n > 2 && s.charCodeAt(0) === 48 && (s.charCodeAt(1) | 32) === 120) {
    for (let i = 2; i < n; i++) { const c = s.charCodeAt(i) | 32; if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return undefined; }
    return Number(s);
  }
  let v = 0;
  for (let i = 0; i < n; i++) { const c = s.charCodeAt(i); if (c < 48 || c > 57) return undefined; v = v * 10 + (c - 48); }
  return n > 0 ? v : undefined;
}

/**
 * Evaluates the EXPR of tokens j..end-1 (as found by `exprEnd`) into `exprValue`: at most one symbol,
 * added, no leading minus, every number in 0..2^32-1 (contract 2.3). Reports the first problem and
 * returns false when there is one.
 */
export function evalExpr(t: LineTokens, j: number, end: number, sink: LineSink): boolean {
  const line = t.line;
  const s = t.start[j];
  const e = t.end[end - 1];
  const whole = () => t.text.slice(s, e);
  if (t.isPunct(j, '-')) { report(sink, 'invalid-number', line, s, e, 'parser.expr.negative', { found: whole() }); return false; }
  let offset = 0;
  let symbol = -1;
  let sign = 1;
  let k = j;
  if (t.isPunct(k, '+')) k++;
  for (;;) {
    if (k >= end) {
      report(sink, 'syntax-error', line, s, e, 'parser.expr.missingTerm', { operator: t.codeText(k - 1), found: whole() });
      return false;
    }
    if (t.kind[k] === Tok.Number) {
      const word = t.tokenText(k);
      const n = numberValue(word);
      if (n === undefined) { report(sink, 'syntax-error', line, t.start[k], t.end[k], 'parser.expr.notNumber', { found: word }); return false; }
      if (n > MAX) { report(sink, 'invalid-number', line, s, e, 'parser.expr.range', { number: word, found: whole() }); return false; }
      offset = (offset + sign * n) >>> 0;
    } else if (t.kind[k] !== Tok.Word) {
      report(sink, 'syntax-error', line, s, e, 'parser.expr.notNumber', { found: whole() });
      return false;
    } else {
      if (symbol >= 0) { report(sink, 'invalid-number', line, s, e, 'parser.expr.twoSymbols', { first: t.tokenText(symbol), second: t.tokenText(k), found: whole() }); return false; }
      if (sign < 0) { report(sink, 'invalid-number', line, s, e, 'parser.expr.subtracted', { symbol: t.tokenText(k), found: whole() }); return false; }
      symbol = k;
    }
    k++;
    if (k >= end) break;
    sign = t.isPunct(k, '-') ? -1 : 1;
    k++;
  }
  exprValue.offset = offset;
  exprValue.symbol = symbol;
  return true;
}

/**
 * A count (`len=N`, `win=N`) at tokens j..end-1: one number in 0..2^32-1. Reports the problem and returns
 * undefined otherwise.
 */
export function countValue(t: LineTokens, j: number, end: number, field: string, sink: LineSink): number | undefined {
  const line = t.line;
  const s = t.start[j];
  const e = t.end[end - 1];
  const whole = t.text.slice(s, e);
  if (t.isPunct(j, '-')) { report(sink, 'invalid-number', line, s, e, 'parser.count.negative', { field, found: whole }); return undefined; }
  const n = end === j + 1 && t.kind[j] === Tok.Number ? numberValue(t.tokenText(j)) : undefined;
  if (n === undefined) { report(sink, 'syntax-error', line, s, e, 'parser.count.notNumber', { field, found: whole }); return undefined; }
  if (n > MAX) { report(sink, 'invalid-number', line, s, e, 'parser.count.range', { field, found: whole }); return undefined; }
  return n;
}
