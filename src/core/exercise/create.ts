// "Create Exercise from This File…": the values, flags and states inside the selected ranges of a solved
// file become blanks (`?`), and the file is named an exercise. Nothing else changes.
import { parse } from '../syntax/parser.ts';
import type { Position, Range, Statement } from '../syntax/syntax.ts';
import { substitute, type Replacement } from './substitute.ts';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
/** Two ranges share a character, or the (empty) selection `sel` touches `r`. */
function touches(r: Range, sel: Range): boolean {
  const empty = sel.start.line === sel.end.line && sel.start.character === sel.end.character;
  if (empty) return !before(sel.start, r.start) && !before(r.end, sel.start);
  return before(r.start, sel.end) && before(sel.start, r.end);
}

/** What can become a blank on a statement: seq/ack values, len/win values, the flags, assertion states. */
function blankable(s: Statement): Range[] {
  const out: Range[] = [];
  if (s.kind === 'segment') {
    if (s.seq) out.push(s.seq.range);
    if (s.ack) out.push(s.ack.range);
    for (const f of s.fields) if (f.name === 'len' || f.name === 'win') out.push(f.valueRange);
    if (s.flagTokens.length && s.flags.length) out.push(s.flagsRange);
  }
  if (s.kind === 'segment' || s.kind === 'expect' || s.kind === 'action' || s.kind === 'deliver') {
    for (const a of s.assertions) if (!a.blank) out.push(a.state.range);
  }
  return out;
}

export function blankOut(text: string, selections: readonly Range[]): { text: string; count: number } {
  const { document } = parse(text);
  const replacements: Replacement[] = [];
  for (const s of document.statements) {
    for (const r of blankable(s)) {
      if (r.start.line !== r.end.line || !selections.some((sel) => touches(r, sel))) continue;
      replacements.push({ line: r.start.line, start: r.start.character, end: r.end.character, text: '?' });
    }
  }
  let out = substitute(text, replacements).text;
  if (replacements.length && !document.statements.some((s) => s.kind === 'exercise')) out = `exercise practice\n${out}`;
  return { text: out, count: replacements.length };
}
