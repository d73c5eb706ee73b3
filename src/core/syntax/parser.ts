// Line-by-line parser. Each line is parsed on its own, so a bad line never hides the others' findings.
// It never throws: anything it cannot read becomes a `syntax-error` (or a more precise code).
import type { Finding } from '../diagnostics.ts';
import { forEachLine, LineTokens, Tok } from './lexer.ts';
import { parseAssertions, parseStateAt, range, statementRange } from './parseCommon.ts';
import { parseSegment } from './parseSegment.ts';
import type { ActionName, Assertion, ParsedDocument, Statement, StateRef } from './syntax.ts';

export interface ParseResult { document: ParsedDocument; findings: Finding[] }

const STATEMENT_HELP = 'expected a statement: `client -> server: SYN seq=x`, `endpoint NAME`, `title …`, `expect NAME STATE`, `NAME listen|close|wait 2MSL`, `deliver ID`, `== Section ==` or `note: …`';

export function parse(text: string): ParseResult {
  const statements: Statement[] = [];
  const findings: Finding[] = [];
  const t = new LineTokens();
  const lineLengths = forEachLine(text, (lineText, line) => {
    t.tokenize(lineText, line);
    if (t.count === 0) return;
    try {
      const s = parseLine(t, findings);
      if (s) statements.push(s);
    } catch (e) {
      // A parser bug must not take the editor down: report it on the line and go on.
      findings.push({ code: 'syntax-error', range: range(line, 0, t.codeEnd), message: `could not read this line (${String(e)})` });
    }
  });
  return { document: { statements, lineCount: lineLengths.length, lineLengths, blanks: [] }, findings };
}

function parseLine(t: LineTokens, findings: Finding[]): Statement | undefined {
  const line = t.line;
  if (t.isPunct(0, '==')) return parseSection(t);
  if (t.isWord(0)) {
    if (isArrowAt(t, 1)) return parseSegment(t, findings);
    const keyword = t.tokenText(0).toLowerCase();
    switch (keyword) {
      case 'title': return { kind: 'title', line, range: statementRange(t), text: t.text.slice(t.end[0], t.codeEnd).trim() };
      case 'endpoint': return parseEndpoint(t, findings);
      case 'expect': {
        const assertions = parseAssertions(t, 1, findings);
        if (!assertions) return undefined;
        return { kind: 'expect', line, range: statementRange(t), assertions };
      }
      case 'deliver': return parseDeliver(t, findings);
      case 'note': return parseNote(t, findings);
    }
    if (t.isWord(1)) {
      const action = actionAt(t, 1);
      if (action) return parseAction(t, action, findings);
    }
    if (t.count >= 2 && (t.isPunct(1, '-') || t.isPunct(1, '>') || t.isPunct(1, '~'))) {
      findings.push({ code: 'syntax-error', range: range(line, t.start[1], t.end[Math.min(t.count - 1, 2)]), message: 'arrow should be `->` (delivered), `-x` (lost) or `~>` (in flight)', params: { found: t.text.slice(t.start[1], t.end[Math.min(t.count - 1, 2)]) } });
      return undefined;
    }
  }
  findings.push({ code: 'syntax-error', range: statementRange(t), message: `${STATEMENT_HELP}; found \`${truncate(t.text.slice(t.start[0], t.codeEnd))}\``, params: { found: truncate(t.text.slice(t.start[0], t.codeEnd)) } });
  return undefined;
}

export function isArrowAt(t: LineTokens, i: number): boolean {
  return t.isPunct(i, '->') || t.isPunct(i, '~>') || (t.isPunct(i, '-') && t.adjacent(i) && t.isWord(i + 1) && t.tokenText(i + 1) === 'x');
}

function truncate(s: string): string { return s.length > 60 ? s.slice(0, 57) + '…' : s; }

function parseSection(t: LineTokens): Statement {
  let s = t.end[0];
  let e = t.codeEnd;
  const last = t.count - 1;
  if (last > 0 && t.isPunct(last, '==')) e = t.start[last];
  const name = t.text.slice(s, Math.max(s, e)).trim();
  return { kind: 'section', line: t.line, range: statementRange(t), name };
}

function parseEndpoint(t: LineTokens, findings: Finding[]): Statement | undefined {
  const line = t.line;
  if (!t.isWord(1)) {
    findings.push({ code: 'syntax-error', range: statementRange(t), message: 'expected `endpoint NAME [STATE] [as "LABEL"]`' });
    return undefined;
  }
  const name = { name: t.tokenText(1), range: range(line, t.start[1], t.end[1]) };
  let i = 2;
  let initial: StateRef | undefined;
  if (i < t.count && !(t.isWord(i) && t.tokenText(i).toLowerCase() === 'as')) {
    const parsed = parseStateAt(t, i, findings);
    if (!parsed) return undefined;
    initial = parsed.ref;
    i = parsed.next;
    if (initial.state && initial.state !== 'CLOSED' && initial.state !== 'LISTEN') {
      findings.push({ code: 'invalid-initial-state', range: initial.range, message: `an endpoint starts CLOSED or LISTEN; found ${initial.state}`, params: { found: initial.state } });
    }
  }
  let label: string | undefined;
  let labelRange;
  if (i < t.count && t.isWord(i) && t.tokenText(i).toLowerCase() === 'as') {
    i++;
    if (i < t.count && t.kind[i] === Tok.String) {
      label = t.strings[i] ?? '';
      labelRange = range(line, t.start[i], t.end[i]);
      if (!t.closed[i]) findings.push({ code: 'syntax-error', range: labelRange, message: 'the label has no closing quote `"`' });
      i++;
    } else if (i < t.count) {
      // an unquoted label: the rest of the line
      label = t.text.slice(t.start[i], t.codeEnd);
      labelRange = range(line, t.start[i], t.codeEnd);
      i = t.count;
    } else {
      findings.push({ code: 'syntax-error', range: range(line, t.start[i - 1], t.end[i - 1]), message: 'expected a label after `as`, such as `as "Web browser"`' });
    }
  }
  if (i < t.count) {
    findings.push({ code: 'syntax-error', range: range(line, t.start[i], t.codeEnd), message: `unexpected \`${t.text.slice(t.start[i], t.codeEnd)}\` after the endpoint declaration` });
  }
  return { kind: 'endpoint', line, range: statementRange(t), name, initial, label, labelRange };
}

function actionAt(t: LineTokens, i: number): { action: ActionName; end: number; next: number } | undefined {
  const word = t.tokenText(i).toLowerCase();
  if (word === 'listen' || word === 'close') return { action: word, end: t.end[i], next: i + 1 };
  if (word === 'timeout') return { action: 'wait', end: t.end[i], next: i + 1 };
  if (word === 'wait') {
    if (i + 1 < t.count && t.kind[i + 1] === Tok.Number && t.tokenText(i + 1).toLowerCase() === '2msl') {
      return { action: 'wait', end: t.end[i + 1], next: i + 2 };
    }
    return { action: 'wait', end: t.end[i], next: i + 1 };
  }
  return undefined;
}

function parseAction(t: LineTokens, a: { action: ActionName; end: number; next: number }, findings: Finding[]): Statement | undefined {
  const line = t.line;
  let i = a.next;
  let assertions: Assertion[] = [];
  if (i < t.count && t.isPunct(i, '=>')) {
    const parsed = parseAssertions(t, i + 1, findings);
    if (parsed) assertions = parsed;
    i = t.count;
  }
  if (i < t.count) {
    findings.push({ code: 'syntax-error', range: range(line, t.start[i], t.codeEnd), message: `unexpected \`${t.text.slice(t.start[i], t.codeEnd)}\` after the action (write \`wait 2MSL\`, \`listen\` or \`close\`)` });
  }
  return {
    kind: 'action', line, range: statementRange(t),
    endpoint: { name: t.tokenText(0), range: range(line, t.start[0], t.end[0]) },
    action: a.action, actionRange: range(line, t.start[1], a.end), assertions,
  };
}

function parseDeliver(t: LineTokens, findings: Finding[]): Statement | undefined {
  const line = t.line;
  const ids = [];
  let i = 1;
  while (i < t.count && !t.isPunct(i, '=>')) {
    if (t.isWord(i) || t.kind[i] === Tok.Number) ids.push({ name: t.tokenText(i), range: range(line, t.start[i], t.end[i]) });
    else if (!t.isPunct(i, ',')) {
      findings.push({ code: 'syntax-error', range: range(line, t.start[i], t.end[i]), message: `expected segment ids separated by commas; found \`${t.tokenText(i)}\`` });
    }
    i++;
  }
  if (ids.length === 0) {
    findings.push({ code: 'syntax-error', range: statementRange(t), message: 'expected `deliver ID[, ID ...]` naming in-flight (`~>`) segments' });
    return undefined;
  }
  let assertions: Assertion[] = [];
  if (i < t.count) assertions = parseAssertions(t, i + 1, findings) ?? [];
  return { kind: 'deliver', line, range: statementRange(t), ids, assertions };
}

function parseNote(t: LineTokens, findings: Finding[]): Statement | undefined {
  const line = t.line;
  let i = 1;
  let endpoint;
  if (t.isWord(i) && t.isPunct(i + 1, ':')) { endpoint = { name: t.tokenText(i), range: range(line, t.start[i], t.end[i]) }; i++; }
  if (!t.isPunct(i, ':')) {
    findings.push({ code: 'syntax-error', range: statementRange(t), message: 'expected `note: TEXT` or `note NAME: TEXT`' });
    return undefined;
  }
  let text = t.text.slice(t.end[i], t.codeEnd).trim();
  if (i + 2 === t.count && t.kind[i + 1] === Tok.String) text = t.strings[i + 1] ?? '';
  return { kind: 'note', line, range: statementRange(t), endpoint, text };
}
