// Lines of a submission against the lines of its exercise (contract 9): spacing and comments do not
// count, each blank matches whatever the student wrote in its place. The lines are paired by the longest
// common subsequence, so an added, removed or changed line is found wherever it is.
import { commentStart } from '../editor/positions.ts';
import { linesWithBreaks } from './substitute.ts';

const FULL_WIDTH: Record<string, string> = { '：': ':', '，': ',', '＝': '=', '＋': '+', '＃': '#', '“': '"', '”': '"' };
/** Characters around which spacing never matters. */
const PUNCT = new Set(['-', '>', '=', ':', '+', ',', '|', '/', '~', '[', ']']);

/** A line without its comment, spacing collapsed (and dropped around punctuation), outside quotes. */
export function normalizeLine(line: string): string {
  const ascii = line.replace(/[：，＝＋＃“”]/g, (c) => FULL_WIDTH[c] ?? c);
  const code = ascii.slice(0, commentStart(ascii));
  let out = '';
  let inString = false;
  let pendingSpace = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < code.length) out += code[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\u3000') { pendingSpace = out.length > 0; continue; }
    if (pendingSpace && !PUNCT.has(c) && !PUNCT.has(out[out.length - 1]!)) out += ' ';
    pendingSpace = false;
    out += c;
    if (c === '"') inString = true;
  }
  return out;
}

export interface LinePattern {
  /** 0-based line in the exercise. */
  line: number;
  /** The normalized line, or a pattern with one group per blank when the line has blanks. */
  exact?: string;
  regex?: RegExp;
  /** Blank indices on the line, in column order (one regex group each). */
  blanks: number[];
  /** The normalized text between the blanks (for finding the answers in the line as typed). */
  pieces?: string[];
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Patterns for the non-empty lines of an exercise; `marks` gives each blank's line and `?` columns. */
export function linePatterns(text: string, marks: readonly { line: number; start: number; end: number }[]): LinePattern[] {
  const out: LinePattern[] = [];
  linesWithBreaks(text).forEach(({ body }, line) => {
    const here = marks.map((m, i) => ({ ...m, i })).filter((m) => m.line === line).sort((a, b) => a.start - b.start);
    if (here.length === 0) {
      const exact = normalizeLine(body);
      if (exact) out.push({ line, exact, blanks: [] });
      return;
    }
    const pieces: string[] = [];
    let pos = 0;
    for (const m of here) { pieces.push(normalizeLine(body.slice(pos, m.start))); pos = m.end; }
    pieces.push(normalizeLine(body.slice(pos)));
    const source = '^' + pieces.map(escapeRegex).join('\\s*(.*?)\\s*') + '$';
    out.push({ line, regex: new RegExp(source), blanks: here.map((m) => m.i), pieces });
  });
  return out;
}

export interface SubmissionLine { line: number; text: string; norm: string }

export function submissionLines(text: string): SubmissionLine[] {
  const out: SubmissionLine[] = [];
  linesWithBreaks(text).forEach(({ body }, line) => {
    const norm = normalizeLine(body);
    if (norm) out.push({ line, text: body, norm });
  });
  return out;
}

function matches(p: LinePattern, s: SubmissionLine): boolean {
  return p.exact !== undefined ? p.exact === s.norm : p.regex!.test(s.norm);
}

/** Pairs of (pattern index, submission line index); unpaired lines on either side are changes. */
export function align(patterns: readonly LinePattern[], lines: readonly SubmissionLine[]): [number, number][] {
  const n = patterns.length;
  const m = lines.length;
  if (n === m && patterns.every((p, i) => matches(p, lines[i]!))) return patterns.map((_, i) => [i, i]);
  // Longest common subsequence, table from the end.
  const w = m + 1;
  const table = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * w + j] = matches(patterns[i]!, lines[j]!)
        ? table[(i + 1) * w + j + 1]! + 1
        : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (matches(patterns[i]!, lines[j]!) && table[i * w + j] === table[(i + 1) * w + j + 1]! + 1) { pairs.push([i, j]); i++; j++; }
    else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** What the student wrote for each blank of a paired line (trimmed), by blank index. */
export function givenAnswers(p: LinePattern, s: SubmissionLine): Map<number, string> {
  const out = new Map<number, string>();
  const m = p.regex?.exec(s.norm);
  if (m) p.blanks.forEach((b, k) => out.set(b, (m[k + 1] ?? '').trim()));
  return out;
}

/**
 * Where each blank's answer stands in the line as typed (columns), by blank index: the pattern again,
 * with any spacing allowed between its characters.
 */
export function givenColumns(p: LinePattern, lineText: string): Map<number, { start: number; end: number }> {
  const out = new Map<number, { start: number; end: number }>();
  if (!p.pieces) return out;
  const ascii = lineText.replace(/[：，＝＋＃“”]/g, (c) => FULL_WIDTH[c] ?? c);
  const code = ascii.slice(0, commentStart(ascii));
  const loose = (piece: string) => [...piece].map((c) => (c === ' ' ? '\\s+' : escapeRegex(c))).join('\\s*');
  const source = '^\\s*' + p.pieces.map(loose).join('\\s*(.*?)\\s*') + '\\s*$';
  const m = new RegExp(source, 'd').exec(code);
  if (!m?.indices) return out;
  p.blanks.forEach((b, k) => {
    const at = m.indices![k + 1];
    if (at) out.set(b, { start: at[0], end: at[1] });
  });
  return out;
}
