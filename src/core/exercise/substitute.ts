// Writing answers into an exercise: each `?` replaced by a text, and positions in the new text mapped
// back to the original (a diagnostic on a line whose blank was filled keeps pointing at what the
// teacher wrote).
import type { Position, Range } from '../syntax/syntax.ts';

export interface Replacement { line: number; start: number; end: number; text: string }

export interface Substituted {
  text: string;
  /** A position in `text` -> the same place in the original text. */
  toOriginal(p: Position): Position;
}

/** Splits a text into lines, each with its own line break (`\n`, `\r\n` or `\r`). */
export function linesWithBreaks(text: string): { body: string; eol: string }[] {
  const out: { body: string; eol: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ body: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ body: text.slice(start), eol: '' });
  return out;
}

/** Where the `?` of a blank stands on its line: inside `range`, or at its start. */
export function questionMark(lineText: string, r: Range): { start: number; end: number } {
  const from = r.start.character;
  const to = r.start.line === r.end.line ? Math.max(r.end.character, from + 1) : lineText.length;
  const at = lineText.indexOf('?', from);
  if (at >= 0 && at < to) return { start: at, end: at + 1 };
  return { start: from, end: Math.min(lineText.length, from + 1) };
}

export function substitute(text: string, replacements: readonly Replacement[]): Substituted {
  if (replacements.length === 0) return { text, toOriginal: (p) => p };
  const byLine = new Map<number, Replacement[]>();
  for (const r of replacements) {
    let list = byLine.get(r.line);
    if (!list) byLine.set(r.line, (list = []));
    list.push(r);
  }
  /** Per changed line: edits in the new text, in order: [newStart, newEnd, oldStart, oldEnd]. */
  const edits = new Map<number, number[][]>();
  const lines = linesWithBreaks(text);
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    const { body, eol } = lines[i]!;
    const list = byLine.get(i);
    if (!list) { out += body + eol; continue; }
    list.sort((a, b) => a.start - b.start);
    let newLine = '';
    let pos = 0;
    const lineEdits: number[][] = [];
    for (const r of list) {
      if (r.start < pos) continue; // overlapping replacements: the first wins
      newLine += body.slice(pos, r.start);
      const newStart = newLine.length;
      newLine += r.text;
      lineEdits.push([newStart, newLine.length, r.start, r.end]);
      pos = r.end;
    }
    newLine += body.slice(pos);
    edits.set(i, lineEdits);
    out += newLine + eol;
  }
  return {
    text: out,
    toOriginal(p: Position): Position {
      const list = edits.get(p.line);
      if (!list) return p;
      let shift = 0;
      for (const [ns, ne, os, oe] of list) {
        if (p.character < ns) break;
        if (p.character <= ne) return { line: p.line, character: p.character === ns ? os : p.character === ne ? oe : os };
        shift = oe - ne;
      }
      return { line: p.line, character: p.character + shift };
    },
  };
}

export function mapRange(s: Substituted, r: Range): Range {
  return { start: s.toOriginal(r.start), end: s.toOriginal(r.end) };
}
