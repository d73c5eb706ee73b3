// Line-by-line parser. Each line is parsed on its own, so a bad line never hides the others' findings.
// It never throws: anything it cannot read becomes a `syntax-error` (or a more precise code).
import type { Finding } from '../diagnostics.ts';
import { forEachLine, LineTokens, Tok } from './lexer.ts';
import { found, makeFinding, parseAssertions, report, statementRange, type LineSink } from './parseCommon.ts';
import { parseEndpoint } from './parseEndpoint.ts';
import { isIdToken, parseSegment } from './parseSegment.ts';
import { nearest } from '../suggest.ts';
import type { ActionName, Assertion, Blank, NameRef, ParsedDocument, Statement } from './syntax.ts';
import { rangeOf } from './nodes.ts';

export interface ParseResult { document: ParsedDocument; findings: Finding[] }

export interface ParseOptions {
  /** Report every problem of a segment line that does not run, not only the first (contract 4.5.1). */
  everyProblem?: boolean;
}

export function parse(text: string, options?: ParseOptions): ParseResult {
  const statements: Statement[] = [];
  const findings: Finding[] = [];
  const blanks: Blank[] = [];
  const sink: LineSink = { findings, blanks, everyProblem: options?.everyProblem === true };
  const t = new LineTokens();
  let codeLines = 0;
  const lineLengths = forEachLine(text, (lineText, line) => {
    t.tokenize(lineText, line);
    if (t.count === 0) return;
    try {
      const s = parseLine(t, sink, codeLines++ === 0);
      if (s) statements.push(s);
    } catch (e) {
      // A parser bug must not take the editor down: report it on the line and go on.
      findings.push(makeFinding('syntax-error', line, 0, t.codeEnd, 'parser.crash', { error: String(e) }));
    }
  });
  return { document: { statements, lineCount: lineLengths.length, lineLengths, blanks }, findings };
}

function parseLine(t: LineTokens, sink: LineSink, firstLine: boolean): Statement | undefined {
  const line = t.line;
  if (t.isPunct(0, '==')) return parseSection(t);
  if (t.isWord(0)) {
    if (isArrowAt(t, 1)) return parseSegment(t, sink, 0);
    const keyword = t.tokenText(0).toLowerCase();
    if (keyword === 'old' && t.isWord(1) && isArrowAt(t, 2)) return parseSegment(t, sink, 1);
    const action = t.isWord(1) ? actionAt(t, 1) : undefined;
    switch (keyword) {
      case 'title': return { kind: 'title', line, range: statementRange(t), text: t.text.slice(t.end[0], t.codeEnd).trim() };
      case 'endpoint': return parseEndpoint(t, sink);
      case 'expect': {
        const assertions = parseAssertions(t, 1, sink);
        if (!assertions) return undefined;
        return { kind: 'expect', line, range: statementRange(t), assertions };
      }
      case 'deliver': return parseDeliver(t, sink);
      case 'note': return parseNote(t, sink);
      case 'exercise': if (!action) return parseExercise(t, sink, firstLine); break;
    }
    if (action) return parseAction(t, action, sink);
    if (t.count >= 2 && (t.isPunct(1, '-') || t.isPunct(1, '>') || t.isPunct(1, '~'))) {
      const e = Math.min(t.count - 1, 2);
      report(sink, 'syntax-error', line, t.start[1], t.end[e], 'parser.arrow', { found: t.text.slice(t.start[1], t.end[e]) });
      return undefined;
    }
  }
  report(sink, 'syntax-error', line, t.start[0], t.end[t.count - 1], 'parser.statement', { found: found(t, 0) });
  return undefined;
}

export function isArrowAt(t: LineTokens, i: number): boolean {
  return t.isPunct(i, '->') || t.isPunct(i, '~>') || (t.isPunct(i, '-') && t.adjacent(i) && t.isWord(i + 1) && t.tokenText(i + 1) === 'x');
}

function parseSection(t: LineTokens): Statement {
  const s = t.end[0];
  let e = t.codeEnd;
  const last = t.count - 1;
  if (last > 0 && t.isPunct(last, '==')) e = t.start[last];
  const name = t.text.slice(s, Math.max(s, e)).trim();
  return { kind: 'section', line: t.line, range: statementRange(t), name };
}

function actionAt(t: LineTokens, i: number): { action: ActionName; end: number; next: number } | undefined {
  const word = t.tokenText(i).toLowerCase();
  switch (word) {
    case 'listen': case 'close': case 'crash': return { action: word, end: t.end[i], next: i + 1 };
    case 'reboot': return { action: 'crash', end: t.end[i], next: i + 1 };
    case 'timeout': return { action: 'wait', end: t.end[i], next: i + 1 };
    case 'wait':
      if (i + 1 < t.count && t.kind[i + 1] === Tok.Number && t.tokenText(i + 1).toLowerCase() === '2msl') return { action: 'wait', end: t.end[i + 1], next: i + 2 };
      return { action: 'wait', end: t.end[i], next: i + 1 };
  }
  return undefined;
}

/** Index of the first `=>` at or after token i (or the token count). */
function assertionsAt(t: LineTokens, i: number): number {
  while (i < t.count && !t.isPunct(i, '=>')) i++;
  return i;
}

/** `NAME ACTION [=> ASSERTIONS]`; extra words before `=>` are a syntax error and the action still runs (4.5.5). */
function parseAction(t: LineTokens, a: { action: ActionName; end: number; next: number }, sink: LineSink): Statement {
  const line = t.line;
  const arrow = assertionsAt(t, a.next);
  if (arrow > a.next) {
    report(sink, 'syntax-error', line, t.start[a.next], t.end[arrow - 1], 'parser.action.extra', { found: found(t, a.next, arrow), action: t.text.slice(t.start[1], a.end) });
  }
  let assertions: Assertion[] = [];
  if (arrow < t.count) assertions = parseAssertions(t, arrow + 1, sink) ?? [];
  return {
    kind: 'action', line, range: statementRange(t),
    endpoint: { name: t.tokenText(0), range: rangeOf(line, t.start[0], t.end[0]) },
    action: a.action, actionRange: rangeOf(line, t.start[1], a.end), assertions,
  };
}

/** `deliver ID[, ID ...] [=> ASSERTIONS]`: delivers its well-formed ids; with none it is one syntax error and no statement (4.5.5). */
function parseDeliver(t: LineTokens, sink: LineSink): Statement | undefined {
  const line = t.line;
  const findings = sink.findings;
  const mark = findings.length;
  const ids: NameRef[] = [];
  const arrow = assertionsAt(t, 1);
  for (let i = 1; i < arrow; i++) {
    if (t.isPunct(i, ',')) continue;
    let k = i;
    while (t.adjacent(k) && k + 1 < arrow && !t.isPunct(k + 1, ',')) k++;
    if (k === i && isIdToken(t, i)) ids.push({ name: t.tokenText(i), range: rangeOf(line, t.start[i], t.end[i]) });
    else report(sink, 'syntax-error', line, t.start[i], t.end[k], 'parser.deliver.badId', { found: found(t, i, k + 1) });
    i = k;
  }
  if (ids.length === 0) {
    findings.length = mark;
    if (arrow > 1) report(sink, 'syntax-error', line, t.start[1], t.end[arrow - 1], 'parser.deliver.noValidId', { found: found(t, 1, arrow) });
    else report(sink, 'syntax-error', line, t.start[0], t.end[0], 'parser.deliver.noId');
    return undefined;
  }
  let assertions: Assertion[] = [];
  if (arrow < t.count) assertions = parseAssertions(t, arrow + 1, sink) ?? [];
  return { kind: 'deliver', line, range: statementRange(t), ids, assertions };
}

function parseNote(t: LineTokens, sink: LineSink): Statement | undefined {
  const line = t.line;
  let i = 1;
  let endpoint;
  if (t.isWord(i) && t.isPunct(i + 1, ':')) { endpoint = { name: t.tokenText(i), range: rangeOf(line, t.start[i], t.end[i]) }; i++; }
  if (!t.isPunct(i, ':')) {
    report(sink, 'syntax-error', line, t.start[0], t.end[t.count - 1], 'parser.note.syntax');
    return undefined;
  }
  let text = t.text.slice(t.end[i], t.codeEnd).trim();
  if (i + 2 === t.count && t.kind[i + 1] === Tok.String) text = t.strings[i + 1] ?? '';
  return { kind: 'note', line, range: statementRange(t), endpoint, text };
}

const MODES = ['practice', 'exam'] as const;

/** `exercise [practice|exam] ["TITLE"]`: only as the first statement of the file (contract 9). */
function parseExercise(t: LineTokens, sink: LineSink, firstLine: boolean): Statement | undefined {
  const line = t.line;
  if (!firstLine) {
    report(sink, 'syntax-error', line, t.start[0], t.end[0], 'parser.exercise.notFirst');
    return undefined;
  }
  let i = 1;
  let mode: 'practice' | 'exam' = 'practice';
  let title: string | undefined;
  if (t.isWord(i)) {
    const word = t.tokenText(i).toLowerCase();
    if (word === 'practice' || word === 'exam') { mode = word; i++; }
  }
  if (i < t.count && t.kind[i] === Tok.String) {
    title = t.strings[i] ?? '';
    if (!t.closed[i]) report(sink, 'syntax-error', line, t.start[i], t.end[i], 'parser.exercise.titleUnclosed');
    i++;
  }
  if (i < t.count) {
    const word = t.tokenText(i);
    const suggestion = t.isWord(i) ? nearest(word, MODES) : undefined;
    if (suggestion) report(sink, 'syntax-error', line, t.start[i], t.end[i], 'parser.exercise.modeSuggest', { found: word, suggestion: suggestion.toLowerCase() });
    else report(sink, 'syntax-error', line, t.start[i], t.end[t.count - 1], 'parser.exercise.extra', { found: found(t, i) });
  }
  const s: Statement = { kind: 'exercise', line, range: statementRange(t), mode };
  if (title !== undefined) s.title = title;
  return s;
}
