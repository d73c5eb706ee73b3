// Pieces of syntax shared by several statements: ranges, state names, assertions.
import type { Finding } from '../diagnostics.ts';
import { LineTokens, Tok } from './lexer.ts';
import { parseState, STATES } from '../states.ts';
import { nearest } from '../suggest.ts';
import { AssertionNode, NameNode, StateNode } from './nodes.ts';
import type { Assertion, Range } from './syntax.ts';

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The code part of the line: first token to the last one before any comment. */
export function statementRange(t: LineTokens): Range {
  return range(t.line, t.count ? t.start[0] : 0, t.count ? t.end[t.count - 1] : t.codeEnd);
}

/**
 * Reads a state name at token i, joining adjacent pieces (`SYN-SENT`, `FIN-WAIT-1`).
 * Reports `unknown-state` (with the nearest name) and still returns the reference, without `state`.
 */
export function parseStateAt(t: LineTokens, i: number, findings: Finding[]): { ref: StateNode; next: number } | undefined {
  if (i >= t.count || (t.kind[i] !== Tok.Word && t.kind[i] !== Tok.Number)) {
    const at = i < t.count ? range(t.line, t.start[i], t.end[i]) : range(t.line, t.codeEnd, t.codeEnd);
    findings.push({ code: 'syntax-error', range: at, message: `expected a state name such as ESTABLISHED${i < t.count ? `; found \`${t.tokenText(i)}\`` : ''}` });
    return undefined;
  }
  let j = i;
  while (t.adjacent(j) && t.isPunct(j + 1, '-') && t.adjacent(j + 1) && (t.kind[j + 2] === Tok.Word || t.kind[j + 2] === Tok.Number)) j += 2;
  const text = t.intern(t.start[i], t.end[j]);
  const ref = new StateNode(text, t.line, t.start[i], t.end[j]);
  const state = parseState(text);
  if (state) ref.state = state;
  else {
    const suggestion = nearest(text, STATES);
    findings.push({
      code: 'unknown-state', range: ref.range,
      message: `unknown state \`${text}\`${suggestion ? `; did you mean ${suggestion}?` : ''} (states: ${STATES.join(', ')})`,
      params: suggestion ? { found: text, suggestion } : { found: text },
    });
  }
  return { ref, next: j + 1 };
}

/** `NAME STATE[, NAME STATE]` from token i to the end of the line (`:` or `=` may sit between NAME and STATE). */
export function parseAssertions(t: LineTokens, i: number, findings: Finding[]): Assertion[] | undefined {
  let out: Assertion[] = [];
  const line = t.line;
  for (;;) {
    if (!t.isWord(i)) {
      const at = i < t.count ? range(line, t.start[i], t.end[i]) : range(line, t.codeEnd, t.codeEnd);
      findings.push({ code: 'syntax-error', range: at, message: 'expected `NAME STATE` (for example `client ESTABLISHED`)' });
      return out.length ? out : undefined;
    }
    const endpoint = new NameNode(t.internedText(i), line, t.start[i], t.end[i]);
    i++;
    if (t.isPunct(i, ':') || t.isPunct(i, '=')) i++;
    const parsed = parseStateAt(t, i, findings);
    if (!parsed) return out.length ? out : undefined;
    out = [...out, new AssertionNode(endpoint, parsed.ref)];
    i = parsed.next;
    if (i >= t.count) return out;
    if (t.isPunct(i, ',') || t.isPunct(i, ';')) { i++; continue; }
    if (t.isWord(i)) continue; // `=> client ESTABLISHED server ESTABLISHED`
    findings.push({ code: 'syntax-error', range: range(line, t.start[i], t.codeEnd), message: `expected \`,\` between assertions; found \`${t.tokenText(i)}\`` });
    return out;
  }
}
