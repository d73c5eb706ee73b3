// Position helpers for the editor features: lines of a text, ranges, what lies before the cursor.
import type { Analysis, Step } from '../analysis.ts';
import type { Position, Range, Statement } from '../syntax/syntax.ts';

/** One line of the text, without its line break ('' past the end). Handles \n, \r\n and \r. */
export function lineText(text: string, line: number): string {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const n = nextBreak(text, start);
    if (n < 0) return '';
    start = n + (text.charCodeAt(n) === 13 && text.charCodeAt(n + 1) === 10 ? 2 : 1);
  }
  const end = nextBreak(text, start);
  return text.slice(start, end < 0 ? text.length : end);
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

/** Splits a text into lines the way the parser does. */
export function splitLines(text: string): string[] { return text.split(/\r\n|\r|\n/); }

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** `pos` lies in `r`, ends included (a cursor right after a word is on it). */
export function contains(r: Range, pos: Position): boolean {
  return comparePositions(r.start, pos) <= 0 && comparePositions(pos, r.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

export function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** The statement on a line, if the line holds one. Statements are in line order. */
export function statementAtLine(analysis: Analysis, line: number): Statement | undefined {
  const list = analysis.document.statements;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = list[mid].line;
    if (l === line) return list[mid];
    if (l < line) lo = mid + 1; else hi = mid - 1;
  }
  return undefined;
}

/** The last step strictly before `line` (the state of things when that line starts), or undefined. */
export function stepBefore(analysis: Analysis, line: number): Step | undefined {
  const at = analysis.stepAtLine;
  for (let l = Math.min(line, at.length) - 1; l >= 0; l--) if (at[l] >= 0) return analysis.steps[at[l]];
  return undefined;
}

/** The last step at or before `line` (the states once that line has run). */
export function stepAtOrBefore(analysis: Analysis, line: number): Step | undefined {
  if (line >= 0 && line < analysis.stepAtLine.length && analysis.stepAtLine[line] >= 0) return analysis.steps[analysis.stepAtLine[line]];
  return stepBefore(analysis, line);
}

/** Index of an endpoint by name, or -1. */
export function endpointIndex(analysis: Analysis, name: string): number {
  return analysis.endpoints.findIndex((e) => e.name === name);
}

/** `client: ESTABLISHED · server: CLOSE_WAIT` */
export function statesLabel(analysis: Analysis, states: readonly string[]): string {
  return analysis.endpoints.map((e, i) => `${e.name}: ${states[i] ?? '?'}`).join(' · ');
}

/** Comment start on a line (`#` or `//` outside a quoted string), or the line length. */
export function commentStart(text: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '#' || (c === '/' && text[i + 1] === '/')) return i;
  }
  return text.length;
}
